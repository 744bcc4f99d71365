package org.authbench.jwt;

import java.security.Key;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PrivateJwk;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SecretJwk;

/**
 * The keys one instance knows, each with its {@code kid} and its one algorithm: the active
 * key signs every new token; the others only verify tokens signed before a rotation, until
 * they are retired (removed), after which those tokens get 401. Immutable: a rotation
 * replaces the whole ring.
 */
final class KeyRing {

	/** One key: what signs (null for a public-only key) and what verifies. */
	record Entry(String kid, JwtAlgorithm algorithm, Key signingKey, Key verificationKey, PublicJwk<?> publicJwk) {
	}

	private final Entry active;

	private final Map<String, Entry> byKid;

	KeyRing(String activeKid, Collection<Entry> entries) {
		this.byKid = new LinkedHashMap<>();
		for (Entry entry : entries) {
			if (this.byKid.put(entry.kid(), entry) != null) {
				throw new InvalidJwtKeyException("Two JWT keys have the kid '" + entry.kid() + "'.",
						"Give every key in the keys file its own kid.");
			}
		}
		this.active = this.byKid.get(activeKid);
		if (this.active == null || this.active.signingKey() == null) {
			throw new InvalidJwtKeyException("The active JWT key '" + activeKid + "' is not a signing key of the key set "
					+ this.byKid.keySet() + ".", "Name a private (or secret) key of the file in its \"active\" member.");
		}
	}

	/** A ring from JWKs, each of which must carry {@code kid} and {@code alg}. */
	static KeyRing of(String activeKid, List<Jwk<?>> jwks) {
		return new KeyRing(activeKid, jwks.stream().map(KeyRing::entry).toList());
	}

	static Entry entry(Jwk<?> jwk) {
		String kid = jwk.getId();
		if (kid == null || kid.isBlank() || jwk.getAlgorithm() == null) {
			throw new InvalidJwtKeyException("A JWT key has no kid or no alg: every key must name both.",
					"Generate the keys file with: java -jar jwt-app.jar keys generate <alg> keys.json");
		}
		JwtAlgorithm algorithm = JwtAlgorithm.of(jwk.getAlgorithm());
		Entry entry;
		if (jwk instanceof SecretJwk secret && algorithm.isHmac()) {
			entry = new Entry(kid, algorithm, secret.toKey(), secret.toKey(), null);
		}
		else if (jwk instanceof PrivateJwk<?, ?, ?> pair && !algorithm.isHmac()) {
			PublicJwk<?> publicJwk = pair.toPublicJwk();
			entry = new Entry(kid, algorithm, pair.toKey(), publicJwk.toKey(), publicJwk);
		}
		else if (jwk instanceof PublicJwk<?> publicJwk && !algorithm.isHmac()) {
			entry = new Entry(kid, algorithm, null, publicJwk.toKey(), publicJwk);
		}
		else {
			throw new InvalidJwtKeyException("JWT key '" + kid + "' (" + jwk.getType() + ") cannot serve " + jwk.getAlgorithm()
					+ ".", "HS256 needs an oct key; RS256 an RSA key; ES256 an EC P-256 key; EdDSA an Ed25519 key.");
		}
		algorithm.checkStrength(kid, entry.verificationKey());
		return entry;
	}

	Entry active() {
		return this.active;
	}

	Optional<Entry> find(String kid) {
		return kid == null ? Optional.empty() : Optional.ofNullable(this.byKid.get(kid));
	}

	Collection<Entry> entries() {
		return Collections.unmodifiableCollection(this.byKid.values());
	}

	Set<String> kids() {
		return this.byKid.keySet();
	}

	/** The public keys as a JWK Set document; HMAC secrets are never in it. */
	String publicJwks() {
		return this.byKid.values()
			.stream()
			.filter(entry -> entry.publicJwk() != null)
			.map(entry -> Jwks.json(entry.publicJwk()))
			.collect(Collectors.joining(",", "{\"keys\":[", "]}"));
	}
}
