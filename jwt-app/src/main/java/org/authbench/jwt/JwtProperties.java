package org.authbench.jwt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code authbench.jwt.*}).
 *
 * @param secret base64 HMAC secret, at least 256 bits ({@code AUTHBENCH_JWT_SECRET})
 * @param issuer the {@code iss} every token carries and every check requires
 * @param audience the {@code aud} every token carries and every check requires
 * @param accessTtl lifetime of an access token: without a denylist, how long a logged-out one keeps working
 * @param refreshTtl lifetime of a refresh token
 * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}, at most 60 s
 * @param maxTokenBytes longer tokens are rejected before any parsing or signature work
 * @param revocation {@code denylist}: logout denies the token's {@code jti} in Redis, checked on
 * every request; {@code none}: nothing is checked, a token lives until {@code exp}
 */
@ConfigurationProperties("authbench.jwt")
public record JwtProperties(String secret, @DefaultValue("authbench") String issuer,
		@DefaultValue("authbench-api") String audience, @DefaultValue("15m") Duration accessTtl,
		@DefaultValue("8h") Duration refreshTtl, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("8192") int maxTokenBytes, @DefaultValue("denylist") Revocation revocation) {

	public enum Revocation {

		NONE, DENYLIST

	}

	public JwtProperties {
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new IllegalArgumentException("authbench.jwt.clock-skew must be 0..60s, was " + clockSkew);
		}
		if (accessTtl.isNegative() || accessTtl.isZero()) {
			throw new IllegalArgumentException("authbench.jwt.access-ttl must be positive, was " + accessTtl);
		}
	}
}
