package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Refresh-token families in Redis (RFC 9700 §4.14.2). A login starts a family; each refresh
 * rotates it: the presented refresh token must be the family's current one, and is replaced
 * by a new one. Presenting an already-used one is reuse (a stolen token, or a stolen copy
 * already used by the thief): the whole family ends and its holder must log in again.
 * Logout ends the caller's family; a forced logout ends every family of a user.
 *
 * <p>Each family is a hash {@code authbench:jwt:family:<fid>} (user, current refresh jti,
 * current access jti and expiry) that lives as long as a refresh token; a user's families
 * are listed in the set {@code authbench:jwt:families:<user>}. Every change is one Lua
 * script, so two refreshes racing with the same token cannot both win.
 */
class RefreshFamilies {

	private static final String FAMILY = "authbench:jwt:family:";

	private static final String FAMILIES = "authbench:jwt:families:";

	/** An access token a family handed out last: what a denylist must deny when the family ends. */
	record AccessToken(String id, Instant expiresAt) {
	}

	/** What became of a presented refresh token. */
	enum Rotation {

		/** It was the current one; the family now holds the new pair. */
		ROTATED,
		/** It had been used before: the family is ended. */
		REUSED,
		/** The family does not exist (any more): logged out, revoked, or expired. */
		ENDED

	}

	record Outcome(Rotation rotation, List<AccessToken> lastAccess) {
	}

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> START = new DefaultRedisScript<>("""
			redis.call('HSET', KEYS[1], 'user', ARGV[1], 'rt', ARGV[2], 'at', ARGV[3], 'atexp', ARGV[4])
			redis.call('EXPIRE', KEYS[1], ARGV[5])
			redis.call('SADD', KEYS[2], ARGV[6])
			redis.call('EXPIRE', KEYS[2], ARGV[5])
			return {}
			""", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ROTATE = new DefaultRedisScript<>("""
			local current = redis.call('HMGET', KEYS[1], 'rt', 'at', 'atexp')
			if not current[1] then return {'ENDED'} end
			if current[1] ~= ARGV[1] then
			  redis.call('DEL', KEYS[1])
			  redis.call('SREM', KEYS[2], ARGV[6])
			  return {'REUSED', current[2], current[3]}
			end
			redis.call('HSET', KEYS[1], 'rt', ARGV[2], 'at', ARGV[3], 'atexp', ARGV[4])
			redis.call('EXPIRE', KEYS[1], ARGV[5])
			redis.call('EXPIRE', KEYS[2], ARGV[5])
			return {'ROTATED'}
			""", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> END = new DefaultRedisScript<>("""
			redis.call('DEL', KEYS[1])
			redis.call('SREM', KEYS[2], ARGV[1])
			return {}
			""", List.class);

	/** Reads family keys it derives from the set: fine on one Redis, not on Redis Cluster. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> END_ALL = new DefaultRedisScript<>("""
			local out = {}
			for _, fid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
			  local family = ARGV[1] .. fid
			  local last = redis.call('HMGET', family, 'at', 'atexp')
			  if last[1] then
			    table.insert(out, last[1])
			    table.insert(out, last[2])
			  end
			  redis.call('DEL', family)
			end
			redis.call('DEL', KEYS[1])
			return out
			""", List.class);

	private final StringRedisTemplate redis;

	private final Duration ttl;

	RefreshFamilies(StringRedisTemplate redis, Duration refreshTtl) {
		this.redis = redis;
		this.ttl = refreshTtl;
	}

	void start(String username, String family, String refreshId, TokenService.Issued access) {
		this.redis.execute(START, List.of(FAMILY + family, FAMILIES + username), username, refreshId, access.id(),
				epoch(access.expiresAt()), seconds(), family);
	}

	Outcome rotate(TokenService.Verified presented, String newRefreshId, TokenService.Issued newAccess) {
		String username = presented.identity().username();
		List<?> reply = this.redis.execute(ROTATE, List.of(FAMILY + presented.family(), FAMILIES + username),
				presented.id(), newRefreshId, newAccess.id(), epoch(newAccess.expiresAt()), seconds(),
				presented.family());
		Rotation rotation = Rotation.valueOf(String.valueOf(reply.get(0)));
		return new Outcome(rotation, accessTokens(reply.subList(1, reply.size())));
	}

	void end(String username, String family) {
		this.redis.execute(END, List.of(FAMILY + family, FAMILIES + username), family);
	}

	/** Ends every family of the user; returns their last access tokens. */
	List<AccessToken> endAll(String username) {
		return accessTokens(this.redis.execute(END_ALL, List.of(FAMILIES + username), FAMILY));
	}

	private static List<AccessToken> accessTokens(List<?> flat) {
		List<AccessToken> tokens = new ArrayList<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			tokens.add(new AccessToken(String.valueOf(flat.get(i)),
					Instant.ofEpochSecond(Long.parseLong(String.valueOf(flat.get(i + 1))))));
		}
		return tokens;
	}

	private String seconds() {
		return String.valueOf(Math.max(1, this.ttl.toSeconds()));
	}

	private static String epoch(Instant instant) {
		return String.valueOf(instant.getEpochSecond());
	}
}
