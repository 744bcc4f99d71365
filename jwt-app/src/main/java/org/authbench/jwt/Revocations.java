package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What logout does to an access token that is still valid by signature, and what each
 * request pays to find out ({@code authbench.jwt.revocation}). Refresh families end on logout
 * in every mode ({@link RefreshFamilies}); this is only about the access token.
 * <ul>
 * <li>{@code none}: nothing; the token works until {@code exp}. No Redis per request.</li>
 * <li>{@code denylist}: its {@code jti} is kept in Redis for its remaining lifetime; every
 * request asks (EXISTS, one command).</li>
 * <li>{@code token-version}: tokens carry the user's version; logout increments it, which
 * ends every access token of that user at once; every request compares (GET, one command).</li>
 * </ul>
 */
interface Revocations {

	/** Per request. */
	boolean isRevoked(TokenService.Verified token);

	/** Logout with this token. */
	void revoke(TokenService.Verified token);

	/** A family ended by refresh-token reuse: its last access tokens, where the mode can name them. */
	void revoke(List<RefreshFamilies.AccessToken> tokens);

	/** An administrator's forced logout of a user; {@code tokens} are the last ones of its families. */
	void revokeUser(String username, List<RefreshFamilies.AccessToken> tokens);

	/** The version claim new tokens carry, or null when the mode does not use one. */
	default Long version(String username) {
		return null;
	}

	static Revocations none() {
		return new Revocations() {
			@Override
			public boolean isRevoked(TokenService.Verified token) {
				return false;
			}

			@Override
			public void revoke(TokenService.Verified token) {
			}

			@Override
			public void revoke(List<RefreshFamilies.AccessToken> tokens) {
			}

			@Override
			public void revokeUser(String username, List<RefreshFamilies.AccessToken> tokens) {
			}
		};
	}

	static Revocations denylist(StringRedisTemplate redis) {
		return new Revocations() {
			private static final String PREFIX = "authbench:jwt:denied:";

			@Override
			public boolean isRevoked(TokenService.Verified token) {
				return Boolean.TRUE.equals(redis.hasKey(PREFIX + token.id()));
			}

			@Override
			public void revoke(TokenService.Verified token) {
				deny(token.id(), token.expiresAt());
			}

			@Override
			public void revoke(List<RefreshFamilies.AccessToken> tokens) {
				tokens.forEach(token -> deny(token.id(), token.expiresAt()));
			}

			@Override
			public void revokeUser(String username, List<RefreshFamilies.AccessToken> tokens) {
				revoke(tokens);
			}

			private void deny(String tokenId, Instant expiresAt) {
				// A second more than the token lives: exp has a one-second granularity.
				Duration remaining = Duration.between(Instant.now(), expiresAt).plusSeconds(1);
				if (!remaining.isNegative() && !remaining.isZero()) {
					redis.opsForValue().set(PREFIX + tokenId, "1", remaining);
				}
			}
		};
	}

	static Revocations tokenVersion(StringRedisTemplate redis) {
		return new Revocations() {
			private static final String PREFIX = "authbench:jwt:version:";

			@Override
			public boolean isRevoked(TokenService.Verified token) {
				return token.version() == null || token.version() != current(token.identity().username());
			}

			@Override
			public void revoke(TokenService.Verified token) {
				redis.opsForValue().increment(PREFIX + token.identity().username());
			}

			/** Reuse ends one family; bumping the version would end all the user's sessions: left to exp. */
			@Override
			public void revoke(List<RefreshFamilies.AccessToken> tokens) {
			}

			@Override
			public void revokeUser(String username, List<RefreshFamilies.AccessToken> tokens) {
				redis.opsForValue().increment(PREFIX + username);
			}

			@Override
			public Long version(String username) {
				return current(username);
			}

			private long current(String username) {
				String value = redis.opsForValue().get(PREFIX + username);
				return value == null ? 0 : Long.parseLong(value);
			}
		};
	}
}
