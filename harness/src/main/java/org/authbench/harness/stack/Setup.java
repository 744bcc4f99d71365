package org.authbench.harness.stack;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One row of a comparison: a variant in one configuration. The four variants in their
 * defaults, and the configurations an architect asks about next: the session store's other
 * repositories, JWT's other revocation modes, JWT behind the gateway. Each is the variant plus
 * settings handed to every instance (and, for the gateways, another nginx mode), so
 * {@code compare --variants baseline,jwt,jwt-none} puts them side by side in one report.
 */
public enum Setup {

	BASELINE("baseline", Variant.BASELINE, null, "no authentication"),

	BASELINE_BOOT_DEFAULT("baseline-boot-default", Variant.BASELINE, null,
			"no authentication, Spring Boot's default observability (every request observed)", Names.OBSERVABILITY,
			"boot-default"),

	STICKY("sticky", Variant.STICKY, null, "in-memory sessions, cookie-route affinity"),

	STICKY_BOOT_DEFAULT("sticky-boot-default", Variant.STICKY, null,
			"in-memory sessions, Spring Boot's default observability (every request and security filter observed)",
			Names.OBSERVABILITY, "boot-default"),

	CLUSTERED("clustered", Variant.CLUSTERED, null, "Spring Session on Redis, default repository"),

	CLUSTERED_HA("clustered-ha", Variant.CLUSTERED, true,
			"Spring Session on Redis with Sentinel: a primary, one replica, three Sentinels"),

	CLUSTERED_INDEXED("clustered-indexed", Variant.CLUSTERED, null, "Spring Session on Redis, indexed repository",
			"AUTHBENCH_SESSION_STORE", "indexed"),

	CLUSTERED_TUNED("clustered-tuned", Variant.CLUSTERED, null,
			"Spring Session on Redis, tuned: saved only on change, last access written once a minute",
			"AUTHBENCH_SESSION_STORE", "tuned"),

	JWT("jwt", Variant.JWT, null, "HS256 access tokens, denylist revocation (the default)"),

	JWT_HA("jwt-ha", Variant.JWT, true,
			"HS256 access tokens, denylist revocation, on Redis with Sentinel: a primary, one replica, three Sentinels"),

	JWT_NONE("jwt-none", Variant.JWT, null, "HS256 access tokens, no revocation: logout ends the refresh family only",
			"AUTHBENCH_JWT_REVOCATION", "none"),

	JWT_NONE_CACHED("jwt-none-cached", Variant.JWT, null,
			"HS256 access tokens, no revocation, verified-token cache: a token seen again skips parsing and the signature check",
			"AUTHBENCH_JWT_REVOCATION", "none", "AUTHBENCH_JWT_VERIFIED_CACHE", "10000"),

	JWT_TOKEN_VERSION("jwt-token-version", Variant.JWT, null, "HS256 access tokens, per-user token version in Redis",
			"AUTHBENCH_JWT_REVOCATION", "token-version"),

	JWT_GATEWAY("jwt-gateway", Variant.JWT, LbMode.GATEWAY,
			"nginx authorises every request (auth_request to an instance), the instances trust it"),

	JWT_GATEWAY_NJS("jwt-gateway-njs", Variant.JWT, LbMode.GATEWAY_NJS,
			"nginx verifies HS256 in njs, the instances trust it (no denylist at the gateway)");

	private final String id;

	private final Variant variant;

	private final LbMode lb;

	private final String description;

	private final Map<String, String> env;

	private final boolean redisHa;

	Setup(String id, Variant variant, LbMode lb, String description, String... env) {
		this(id, variant, lb, false, description, env);
	}

	/** A configuration on Redis with Sentinel ({@code redisHa}), else the variant's own. */
	Setup(String id, Variant variant, boolean redisHa, String description) {
		this(id, variant, null, redisHa, description);
	}

	private Setup(String id, Variant variant, LbMode lb, boolean redisHa, String description, String... env) {
		this.id = id;
		this.variant = variant;
		this.lb = lb;
		this.redisHa = redisHa;
		this.description = description;
		Map<String, String> settings = new LinkedHashMap<>();
		for (int i = 0; i < env.length; i += 2) {
			settings.put(env[i], env[i + 1]);
		}
		this.env = Map.copyOf(settings);
	}

	/**
	 * For a configuration that differs from another only in its observability: that other one
	 * (the trial measures what the setting costs as a pair); empty otherwise.
	 */
	public Optional<Setup> observabilityOf() {
		if (!"boot-default".equals(this.env.get(Names.OBSERVABILITY))) {
			return Optional.empty();
		}
		return Arrays.stream(values())
			.filter(other -> other.variant == this.variant && other.lb == this.lb && other.env.isEmpty()
					&& other.redisHa == this.redisHa)
			.findFirst();
	}

	/** Names of settings, here because an enum's constants cannot refer to its own static fields. */
	static final class Names {

		/** How much an app observes itself per request: {@code minimal} unless a setup says otherwise. */
		static final String OBSERVABILITY = "AUTHBENCH_OBSERVABILITY";

		private Names() {
		}
	}

	/** The name on the command line and in the reports. */
	public String id() {
		return this.id;
	}

	public Variant variant() {
		return this.variant;
	}

	/** What is configured, in a few words, for the reports. */
	public String description() {
		return this.description;
	}

	/** The settings this configuration gives every instance on top of the stack's own. */
	public Map<String, String> env() {
		return this.env;
	}

	/** Whether its Redis is a primary, a replica and Sentinels ({@link StackSpec#redisHa}). */
	public boolean redisHa() {
		return this.redisHa;
	}

	/** This configuration's stack: the variant's stack with its nginx mode, Redis and settings. */
	public StackSpec apply(StackSpec stack) {
		StackSpec configured = (this.lb == null ? stack : stack.withLb(this.lb)).withRedisHa(this.redisHa);
		for (Map.Entry<String, String> setting : this.env.entrySet()) {
			configured = configured.withAppEnv(setting.getKey(), setting.getValue());
		}
		return configured;
	}

	public static Setup parse(String id) {
		return Arrays.stream(values())
			.filter(setup -> setup.id.equalsIgnoreCase(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown variant '" + id + "', expected one of: "
					+ Arrays.stream(values()).map(Setup::id).collect(Collectors.joining(", "))));
	}

	@Override
	public String toString() {
		return this.id;
	}
}
