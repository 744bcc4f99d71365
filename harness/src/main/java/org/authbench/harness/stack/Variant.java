package org.authbench.harness.stack;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The four interchangeable backends: which module's jar runs, whether it needs Redis, how its
 * credential travels, and which nginx mode it gets unless told otherwise.
 */
public enum Variant {

	BASELINE("baseline", "baseline-app", false, Credential.NONE),

	STICKY("sticky", "sticky-session-app", false, Credential.COOKIE),

	CLUSTERED("clustered", "clustered-session-app", true, Credential.COOKIE),

	JWT("jwt", "jwt-app", true, Credential.BEARER);

	/** How a logged-in client proves who it is. */
	public enum Credential {

		NONE, COOKIE, BEARER

	}

	private final String id;

	private final String module;

	private final boolean usesRedis;

	private final Credential credential;

	Variant(String id, String module, boolean usesRedis, Credential credential) {
		this.id = id;
		this.module = module;
		this.usesRedis = usesRedis;
		this.credential = credential;
	}

	/** The name on the command line and the prefix of {@code X-Instance-Id}. */
	public String id() {
		return this.id;
	}

	public String module() {
		return this.module;
	}

	public boolean usesRedis() {
		return this.usesRedis;
	}

	public Credential credential() {
		return this.credential;
	}

	public LbMode defaultLb() {
		return this == STICKY ? LbMode.STICKY : LbMode.ROUND_ROBIN;
	}

	public static Variant parse(String id) {
		return Arrays.stream(values())
			.filter(variant -> variant.id.equalsIgnoreCase(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown variant '" + id + "', expected one of: "
					+ Arrays.stream(values()).map(Variant::id).collect(Collectors.joining(", "))));
	}

	@Override
	public String toString() {
		return this.id;
	}
}
