package org.authbench.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every variant ({@code authbench.*}). Each app's
 * {@code application.properties} maps them to environment variables.
 *
 * @param instanceId the value of the {@code X-Instance-Id} header, e.g. {@code jwt-2}
 * @param maxBodyBytes request bodies above this size get 413
 * @param users the seeded user directory
 * @param authContextBytes padding bytes in the auth context a session stores and a token carries
 * (docs/design.md §3, {@code AUTHBENCH_AUTH_CONTEXT_BYTES}); 0 by default
 * @param observability how much the app observes itself per request ({@code AUTHBENCH_OBSERVABILITY}):
 * {@link Observability#MINIMAL} by default, see {@link ObservabilityConfiguration}
 */
@ConfigurationProperties("authbench")
public record AuthbenchProperties(@DefaultValue("authbench-1") String instanceId,
		@DefaultValue("65536") long maxBodyBytes, @DefaultValue Users users, @DefaultValue("0") int authContextBytes,
		@DefaultValue("minimal") Observability observability) {

	public AuthbenchProperties {
		if (authContextBytes < 0 || authContextBytes > 1_048_576) {
			throw new IllegalArgumentException(
					"authbench.auth-context-bytes must be 0..1048576, was " + authContextBytes);
		}
	}

	/** What an app measures of itself on every request (docs/method.md, "Lean apps"). */
	public enum Observability {

		/** No per-request observations: what a lean production app carries. The default for measurements. */
		MINIMAL,

		/**
		 * Spring Boot's out-of-the-box behaviour with the actuator on the class path: Spring MVC observes
		 * every request and Spring Security every filter of its chain. Its cost is a measured figure.
		 */
		BOOT_DEFAULT

	}

	/**
	 * @param count number of plain users ({@code user0001} …)
	 * @param password the password of every seeded user
	 * @param hashCost BCrypt log rounds; recorded in every report since it dominates login cost
	 */
	public record Users(@DefaultValue("1000") int count, @DefaultValue("changeit") String password,
			@DefaultValue("10") int hashCost) {

		public Users {
			if (count < 1) {
				throw new IllegalArgumentException("authbench.users.count must be at least 1, was " + count);
			}
			if (hashCost < 4 || hashCost > 31) {
				throw new IllegalArgumentException("authbench.users.hash-cost must be 4..31, was " + hashCost);
			}
		}
	}
}
