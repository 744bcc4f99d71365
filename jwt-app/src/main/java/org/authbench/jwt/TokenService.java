package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Jwts;
import org.authbench.identity.Identity;

/**
 * Issues the variant's tokens (with jjwt, which also reads the keys) and verifies them (with
 * Nimbus, see {@link TokenVerifier}). Every token names its key ({@code kid}); a token verifies
 * only with that key and that key's one algorithm, must carry {@code exp}, {@code jti} and
 * {@code sub}, must be of the expected use (an access token is not a refresh token), and may
 * not exceed the size limit, which is tested before any parsing or signature work.
 */
class TokenService {

	static final String USE_CLAIM = "token_use";

	static final String ROLES_CLAIM = "roles";

	/** The refresh family a token belongs to (logout ends it). */
	static final String FAMILY_CLAIM = "fid";

	/** The user's token version when issued ({@code token-version} revocation only). */
	static final String VERSION_CLAIM = "ver";

	enum Use {

		ACCESS, REFRESH;

		String claim() {
			return name().toLowerCase();
		}

	}

	/** A verified token: who, which token ({@code jti}), until when, its family and version. */
	record Verified(Identity identity, String id, Instant expiresAt, String family, Long version) {
	}

	/** A token just issued, with what Redis needs to know about it. */
	record Issued(String token, String id, Instant expiresAt) {
	}

	/**
	 * The keys, the parsers built for them and the access tokens verified with them (null when the
	 * cache is off), replaced together at a key rotation: a retired key's tokens leave the cache.
	 */
	private record Keys(KeyRing ring, TokenVerifier verifier, Cache<String, Verified> verified) {
	}

	private final JwtProperties settings;

	private final Runnable onSignatureCheck;

	private volatile Keys keys;

	/** The auth-context padding an access token carries as {@code ctx}, null for none (docs/design.md §3). */
	private final String contextPadding;

	TokenService(JwtProperties settings, KeyRing ring, Runnable onSignatureCheck, String contextPadding) {
		this.settings = settings;
		this.onSignatureCheck = onSignatureCheck;
		this.contextPadding = contextPadding;
		use(ring);
	}

	/** Signs new tokens with the ring's active key from now on; verifies with every key of it. */
	final void use(KeyRing ring) {
		Cache<String, Verified> verified = this.settings.verifiedCache() == 0 ? null
				: Caffeine.newBuilder()
					.maximumSize(this.settings.verifiedCache())
					.expireAfterWrite(this.settings.accessTtl())
					.build();
		this.keys = new Keys(ring, new TokenVerifier(ring, this.settings, this.onSignatureCheck), verified);
	}

	KeyRing ring() {
		return this.keys.ring();
	}

	Issued issue(Identity identity, Use use, Instant now, String family, Long version) {
		Duration ttl = use == Use.ACCESS ? this.settings.accessTtl() : this.settings.refreshTtl();
		KeyRing.Entry key = this.keys.ring().active();
		String id = UUID.randomUUID().toString();
		Instant expiresAt = now.plus(ttl);
		String token = Jwts.builder()
			.header().keyId(key.kid()).and()
			.id(id)
			.subject(identity.username())
			.issuer(this.settings.issuer())
			.audience().add(this.settings.audience()).and()
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.claim(ROLES_CLAIM, identity.roles())
			.claim("ctx", use == Use.ACCESS ? this.contextPadding : null)
			.claim(USE_CLAIM, use.claim())
			.claim(FAMILY_CLAIM, family)
			.claim(VERSION_CLAIM, version)
			.signWith(key.signingKey(), key.algorithm().jjwt())
			.compact();
		return new Issued(token, id, expiresAt);
	}

	/**
	 * Verifies a token for the given use; empty for every kind of invalid token. With the
	 * verified-token cache on, an access token verified before (the very same string, with a key
	 * still in the ring) is taken from the cache, its expiry checked again.
	 */
	Optional<Verified> verify(String token, Use use) {
		if (token == null || token.isEmpty() || token.length() > this.settings.maxTokenBytes()) {
			return Optional.empty();
		}
		Keys current = this.keys;
		if (use == Use.ACCESS && current.verified() != null) {
			Verified known = current.verified().getIfPresent(token);
			if (known != null) {
				if (Instant.now().isAfter(known.expiresAt().plus(this.settings.clockSkew()))) {
					current.verified().invalidate(token);
					return Optional.empty();
				}
				return Optional.of(known);
			}
			Optional<Verified> verified = current.verifier().verify(token, use);
			verified.ifPresent(v -> current.verified().put(token, v));
			return verified;
		}
		return current.verifier().verify(token, use);
	}

	Duration accessTtl() {
		return this.settings.accessTtl();
	}

	Duration refreshTtl() {
		return this.settings.refreshTtl();
	}
}
