package org.authbench.harness.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a comparison: a variant in one configuration, as {@link Catalogue catalogue.yaml}
 * lists them: the four variants in their defaults, and the configurations an architect asks about
 * next (the session store's other repositories, JWT's other revocation modes, JWT behind the
 * gateway, Redis with Sentinel). Each is the variant plus settings handed to every instance (and,
 * for the gateways, another nginx mode), so {@code compare --variants baseline,jwt,jwt-none} puts
 * them side by side in one report.
 *
 * @param id the name on the command line and in the reports
 * @param variant the variant it configures
 * @param lb its nginx mode, null for the variant's own
 * @param redisHa whether its Redis is a primary, a replica and Sentinels ({@link StackSpec#redisHa})
 * @param description what is configured, in a few words, for the reports
 * @param env the settings this configuration gives every instance on top of the stack's own
 * @param observabilityOfId the configuration it differs from in its observability only, or null
 */
public record Setup(String id, Variant variant, LbMode lb, boolean redisHa, String description,
		Map<String, String> env, String observabilityOfId) {

	public Setup {
		env = Map.copyOf(env);
	}

	/**
	 * For a configuration that differs from another only in its observability: that other one
	 * (the trial measures what the setting costs as a pair); empty otherwise.
	 */
	public Optional<Setup> observabilityOf() {
		return Optional.ofNullable(this.observabilityOfId).map(Setup::parse);
	}

	/** This configuration's stack: the variant's stack with its nginx mode, Redis and settings. */
	public StackSpec apply(StackSpec stack) {
		StackSpec configured = (this.lb == null ? stack : stack.withLb(this.lb)).withRedisHa(this.redisHa);
		for (Map.Entry<String, String> setting : this.env.entrySet()) {
			configured = configured.withAppEnv(setting.getKey(), setting.getValue());
		}
		return configured;
	}

	/** Every configuration of this build, in the catalogue's order. */
	public static List<Setup> all() {
		return Catalogue.current().setups();
	}

	public static Setup parse(String id) {
		return Catalogue.current().setup(id);
	}

	@Override
	public String toString() {
		return this.id;
	}
}
