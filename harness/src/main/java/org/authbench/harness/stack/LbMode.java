package org.authbench.harness.stack;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How nginx spreads requests over the instances; each mode is one template in {@code nginx/}. */
public enum LbMode {

	/** Back to the instance that created the session, by the route in {@code JSESSIONID}. */
	STICKY("sticky"),

	ROUND_ROBIN("round-robin"),

	/** nginx authorises every request with {@code auth_request} to jwt-app's authorizer. */
	GATEWAY("gateway"),

	/** nginx verifies the HS256 token itself, in njs. */
	GATEWAY_NJS("gateway-njs");

	private final String id;

	LbMode(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	public boolean isGateway() {
		return this == GATEWAY || this == GATEWAY_NJS;
	}

	/**
	 * Whether a request through this mode reaches a check of the variant's revocation state: not
	 * so behind the njs gateway, which verifies the signature alone and does not ask Redis.
	 */
	public boolean checksRevocation() {
		return this != GATEWAY_NJS;
	}

	/** The template's file name in {@code nginx/}. */
	public String template() {
		return this.id + ".conf";
	}

	public static LbMode parse(String id) {
		return Arrays.stream(values())
			.filter(mode -> mode.id.equalsIgnoreCase(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown load-balancing mode '" + id + "', expected one of: "
					+ Arrays.stream(values()).map(LbMode::id).collect(Collectors.joining(", "))));
	}

	@Override
	public String toString() {
		return this.id;
	}
}
