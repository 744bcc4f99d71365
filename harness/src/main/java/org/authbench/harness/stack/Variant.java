package org.authbench.harness.stack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One of the interchangeable backends, as {@link Catalogue catalogue.yaml} describes it: which
 * module's jar runs, how its credential travels, what it keeps in Redis, what logout does, which
 * nginx mode it gets unless told otherwise, and how the report words it. The harness decides by
 * these properties, never by a variant's name.
 *
 * @param id the name on the command line and the prefix of {@code X-Instance-Id}
 * @param module the Maven module whose jar runs
 * @param credential how a logged-in client proves who it is
 * @param redis what it keeps in Redis, null when it needs no Redis
 * @param defaultLb its nginx mode unless told otherwise
 * @param reference whether the report takes its ratios against it
 * @param route the setting each instance gets as {@code app<n>}, the route nginx's sticky mode
 *        follows; null when it has none (and cannot run behind {@link LbMode#STICKY})
 * @param signingSecret the setting carrying the HMAC secret every instance shares, or null
 * @param gateways whether the gateway nginx modes accept it (they verify its tokens)
 * @param accessTokenLifetime an access token's lifetime and its setting, or null without tokens
 * @param contextSettings further settings of a stack whose auth context is padded
 * @param revocation what logout does to a credential
 * @param infrastructure what it needs besides the instances, for the report
 */
public record Variant(String id, String module, Credential credential, String redis, LbMode defaultLb,
		boolean reference, String route, String signingSecret, boolean gateways, Lifetime accessTokenLifetime,
		Map<String, String> contextSettings, Revocation revocation, String infrastructure) {

	/** How a logged-in client proves who it is. */
	public enum Credential {

		NONE, COOKIE, BEARER

	}

	/**
	 * What logout does to a credential: one mode, or the mode a setting chooses.
	 * @param setting the instances' setting that chooses the mode, null when there is one mode
	 * @param defaultMode the mode without that setting
	 * @param modes every mode by name
	 */
	public record Revocation(String setting, String defaultMode, Map<String, RevocationMode> modes) {

		public Revocation {
			modes = Map.copyOf(modes);
			if (!modes.containsKey(defaultMode)) {
				throw new IllegalArgumentException("the default revocation mode '" + defaultMode + "' is not one of " + modes.keySet());
			}
		}

		/** The mode given these instance settings (an unknown one counts as the default). */
		public RevocationMode mode(Map<String, ?> settings) {
			Object configured = this.setting == null || settings == null ? null : settings.get(this.setting);
			return this.modes.getOrDefault(
					configured == null ? this.defaultMode : configured.toString().toLowerCase(Locale.ROOT),
					this.modes.get(this.defaultMode));
		}
	}

	/**
	 * @param name as the setting names it
	 * @param revokes whether a logged-out credential fails at once
	 * @param delay how long a logged-out credential keeps working, for the report ({@code {lifetime}}:
	 *        the access-token lifetime)
	 */
	public record RevocationMode(String name, boolean revokes, String delay) {
	}

	/** An access token's lifetime: the setting that changes it and its default ({@code 15m}). */
	public record Lifetime(String setting, String defaultValue) {

		public Duration of(Map<String, ?> settings) {
			Object configured = settings == null ? null : settings.get(this.setting);
			return Catalogue.duration(configured == null ? this.defaultValue : configured.toString());
		}
	}

	public Variant {
		contextSettings = Map.copyOf(contextSettings);
	}

	public boolean usesRedis() {
		return this.redis != null;
	}

	/**
	 * How long a logged-out credential keeps working, in the report's words, given the instances'
	 * settings (null: the defaults).
	 */
	public String revocationDelay(Map<String, ?> settings) {
		String delay = this.revocation.mode(settings).delay();
		return this.accessTokenLifetime == null ? delay
				: delay.replace("{lifetime}", Catalogue.words(this.accessTokenLifetime.of(settings)));
	}

	/** The revocation mode's name when a setting chooses it (for the probe's result), else empty. */
	public Optional<String> revocationModeName(Map<String, ?> settings) {
		return this.revocation.setting() == null ? Optional.empty()
				: Optional.of(this.revocation.mode(settings).name());
	}

	/** Every variant of this build, in the catalogue's order. */
	public static List<Variant> all() {
		return Catalogue.current().variants();
	}

	public static Variant parse(String id) {
		return Catalogue.current().variant(id);
	}

	@Override
	public String toString() {
		return this.id;
	}
}
