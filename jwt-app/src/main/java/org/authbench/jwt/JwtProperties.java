package org.authbench.jwt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code authbench.jwt.*}).
 *
 * @param algorithm HS256, RS256, ES256 or EdDSA ({@code AUTHBENCH_JWT_ALG}): the algorithm of
 * the active key
 * @param secret base64 HMAC secret, at least 256 bits ({@code AUTHBENCH_JWT_SECRET}); HS256
 * without a keys file only
 * @param keys path of a keys file (a JWK Set with an {@code active} kid) shared by every
 * instance ({@code AUTHBENCH_JWT_KEYS}); empty: secret (HS256) or keys generated at start
 * @param keysReload how often the keys file is checked for a rotation
 * @param issuer the {@code iss} every token carries and every check requires
 * @param audience the {@code aud} every token carries and every check requires
 * @param accessTtl lifetime of an access token: without a denylist, how long a logged-out one keeps working
 * @param refreshTtl lifetime of a refresh token and of its family's state in Redis
 * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}, at most 60 s
 * @param maxTokenBytes longer tokens are rejected before any parsing or signature work
 * @param revocation what logout does to an access token, see {@link Revocation}
 * @param verifiedCache how many verified access tokens are kept, so that a token seen again
 * skips parsing and the signature check ({@code AUTHBENCH_JWT_VERIFIED_CACHE}); 0, the default:
 * every request verifies its token
 */
@ConfigurationProperties("authbench.jwt")
public record JwtProperties(@DefaultValue("HS256") JwtAlgorithm algorithm, String secret, String keys,
		@DefaultValue("10s") Duration keysReload, @DefaultValue("authbench") String issuer,
		@DefaultValue("authbench-api") String audience, @DefaultValue("15m") Duration accessTtl,
		@DefaultValue("8h") Duration refreshTtl, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("8192") int maxTokenBytes, @DefaultValue("denylist") Revocation revocation,
		@DefaultValue("0") int verifiedCache) {

	/** What a request pays to learn that its access token was logged out. */
	public enum Revocation {

		/** Nothing: a logged-out access token works until {@code exp}; logout ends the refresh family. */
		NONE,
		/** Logout denies the token's {@code jti} in Redis until it expires: one Redis command per request. */
		DENYLIST,
		/** Logout bumps the user's version in Redis, compared per request: one command, all the user's tokens. */
		TOKEN_VERSION

	}

	public JwtProperties {
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new IllegalArgumentException("authbench.jwt.clock-skew must be 0..60s, was " + clockSkew);
		}
		if (accessTtl.isNegative() || accessTtl.isZero()) {
			throw new IllegalArgumentException("authbench.jwt.access-ttl must be positive, was " + accessTtl);
		}
		if (verifiedCache < 0) {
			throw new IllegalArgumentException("authbench.jwt.verified-cache must be 0 (off) or more, was " + verifiedCache);
		}
		if (refreshTtl.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("authbench.jwt.refresh-ttl must be at least 1s, was " + refreshTtl);
		}
	}
}
