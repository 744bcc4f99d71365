package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.authbench.identity.Identity;

/**
 * Issues and verifies the variant's tokens with jjwt, HS256 pinned. What jjwt does not check
 * by default is checked here: a token must carry {@code exp}, must be of the expected use
 * (an access token is not a refresh token), and may not exceed the size limit, which is
 * tested before any parsing or signature work.
 */
class TokenService {

	static final String USE_CLAIM = "token_use";

	static final String ROLES_CLAIM = "roles";

	enum Use {

		ACCESS, REFRESH;

		String claim() {
			return name().toLowerCase();
		}

	}

	/** A verified token: who, which token ({@code jti}), until when. */
	record Verified(Identity identity, String id, Instant expiresAt) {
	}

	private final JwtProperties settings;

	private final SecretKey key;

	private final JwtParser accessParser;

	private final JwtParser refreshParser;

	/** The auth-context padding an access token carries as {@code ctx}, null for none (DESIGN §3). */
	private final String contextPadding;

	TokenService(JwtProperties settings, String contextPadding) {
		this.settings = settings;
		this.contextPadding = contextPadding;
		this.key = Keys.hmacShaKeyFor(secretBytes(settings.secret()));
		this.accessParser = parser(Use.ACCESS);
		this.refreshParser = parser(Use.REFRESH);
	}

	static byte[] secretBytes(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new InvalidJwtSecretException("AUTHBENCH_JWT_SECRET (authbench.jwt.secret) is not set.");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(secret.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidJwtSecretException("AUTHBENCH_JWT_SECRET is not valid base64.");
		}
		if (bytes.length * 8 < 256) {
			throw new InvalidJwtSecretException("AUTHBENCH_JWT_SECRET has " + bytes.length * 8
					+ " bits; HS256 needs at least 256 bits (RFC 7518 §3.2).");
		}
		return bytes;
	}

	private JwtParser parser(Use use) {
		return Jwts.parser()
			.verifyWith(this.key)
			// Pinned: a header naming any other algorithm is rejected, whatever the key could serve.
			.sig().clear().add(Jwts.SIG.HS256).and()
			// No compressed tokens: decompression before verification is a denial-of-service lever.
			.zip().clear().and()
			.requireIssuer(this.settings.issuer())
			.requireAudience(this.settings.audience())
			.require(USE_CLAIM, use.claim())
			.clockSkewSeconds(this.settings.clockSkew().toSeconds())
			.build();
	}

	String issue(Identity identity, Use use, Instant now) {
		Duration ttl = use == Use.ACCESS ? this.settings.accessTtl() : this.settings.refreshTtl();
		return Jwts.builder()
			.id(UUID.randomUUID().toString())
			.subject(identity.username())
			.issuer(this.settings.issuer())
			.audience().add(this.settings.audience()).and()
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(ttl)))
			.claim(ROLES_CLAIM, identity.roles())
			.claim(USE_CLAIM, use.claim())
			.claim("ctx", use == Use.ACCESS ? this.contextPadding : null)
			.signWith(this.key, Jwts.SIG.HS256)
			.compact();
	}

	/** Verifies a token for the given use; empty for every kind of invalid token. */
	Optional<Verified> verify(String token, Use use) {
		if (token == null || token.isEmpty() || token.length() > this.settings.maxTokenBytes()) {
			return Optional.empty();
		}
		try {
			Claims claims = (use == Use.ACCESS ? this.accessParser : this.refreshParser).parseSignedClaims(token)
				.getPayload();
			if (claims.getExpiration() == null || claims.getId() == null || claims.getSubject() == null) {
				return Optional.empty();
			}
			Identity identity = new Identity(claims.getSubject(), roles(claims.get(ROLES_CLAIM)));
			return Optional.of(new Verified(identity, claims.getId(), claims.getExpiration().toInstant()));
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			return Optional.empty();
		}
	}

	private static List<String> roles(Object claim) {
		if (claim instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	Duration accessTtl() {
		return this.settings.accessTtl();
	}
}
