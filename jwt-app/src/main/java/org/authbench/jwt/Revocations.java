package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What logout does to a token that is still valid by signature. With {@code none}, nothing:
 * the token keeps working until {@code exp}. With {@code denylist}, its {@code jti} is kept
 * in Redis for its remaining lifetime and every request checks it (one Redis command).
 */
interface Revocations {

	void revoke(String tokenId, Instant expiresAt);

	boolean isRevoked(String tokenId);

	static Revocations none() {
		return new Revocations() {
			@Override
			public void revoke(String tokenId, Instant expiresAt) {
			}

			@Override
			public boolean isRevoked(String tokenId) {
				return false;
			}
		};
	}

	static Revocations denylist(StringRedisTemplate redis) {
		return new Revocations() {
			private static final String PREFIX = "authbench:jwt:denied:";

			@Override
			public void revoke(String tokenId, Instant expiresAt) {
				Duration remaining = Duration.between(Instant.now(), expiresAt);
				if (!remaining.isNegative() && !remaining.isZero()) {
					redis.opsForValue().set(PREFIX + tokenId, "1", remaining);
				}
			}

			@Override
			public boolean isRevoked(String tokenId) {
				return Boolean.TRUE.equals(redis.hasKey(PREFIX + tokenId));
			}
		};
	}
}
