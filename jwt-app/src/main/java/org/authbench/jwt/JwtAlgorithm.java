package org.authbench.jwt;

import java.security.Key;
import java.security.KeyPair;
import java.security.interfaces.RSAKey;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureAlgorithm;

/**
 * The signature algorithms jwt-app can sign with ({@code authbench.jwt.algorithm}). A key
 * belongs to exactly one of them: the parser accepts a token only when its header names the
 * algorithm of the key its {@code kid} points at.
 */
enum JwtAlgorithm {

	HS256(Jwts.SIG.HS256), RS256(Jwts.SIG.RS256), ES256(Jwts.SIG.ES256), EDDSA(Jwts.SIG.EdDSA);

	private final SecureDigestAlgorithm<?, ?> jjwt;

	JwtAlgorithm(SecureDigestAlgorithm<?, ?> jjwt) {
		this.jjwt = jjwt;
	}

	/** The JOSE name, as in a token's {@code alg} header: HS256, RS256, ES256, EdDSA. */
	String id() {
		return this.jjwt.getId();
	}

	@SuppressWarnings("unchecked")
	SecureDigestAlgorithm<Key, Key> jjwt() {
		return (SecureDigestAlgorithm<Key, Key>) this.jjwt;
	}

	boolean isHmac() {
		return this == HS256;
	}

	static JwtAlgorithm of(String joseName) {
		for (JwtAlgorithm algorithm : values()) {
			if (algorithm.id().equalsIgnoreCase(joseName)) {
				return algorithm;
			}
		}
		throw new InvalidJwtKeyException("Unsupported JWT algorithm '" + joseName + "'.",
				"Use one of HS256, RS256, ES256, EdDSA.");
	}

	/** A new random key of this algorithm, as a private (or secret) JWK carrying its kid and alg. */
	Jwk<?> generate(String kid) {
		if (this == HS256) {
			SecretKey secret = Jwts.SIG.HS256.key().build();
			return Jwks.builder().key(secret).id(kid).algorithm(id()).build();
		}
		// jjwt's EdDSA default would be Ed448; Ed25519 is what EdDSA means here (and everywhere in practice).
		KeyPair pair = this == EDDSA ? Jwks.CRV.Ed25519.keyPair().build()
				: ((SignatureAlgorithm) this.jjwt).keyPair().build();
		return Jwks.builder().keyPair(pair).id(kid).algorithm(id()).build();
	}

	/** Refuses keys too weak for this algorithm, with a message saying why. */
	void checkStrength(String kid, Key key) {
		if (key instanceof SecretKey secret && secret.getEncoded().length * 8 < 256) {
			throw new InvalidJwtKeyException("JWT key '" + kid + "' has " + secret.getEncoded().length * 8
					+ " bits; HS256 needs at least 256 bits (RFC 7518 §3.2).",
					"Generate a new keys file: java -jar jwt-app.jar keys generate HS256 keys.json");
		}
		if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
			throw new InvalidJwtKeyException("JWT key '" + kid + "' is an RSA key of " + rsa.getModulus().bitLength()
					+ " bits; RS256 needs at least 2048 bits (RFC 7518 §3.3).",
					"Generate a new keys file: java -jar jwt-app.jar keys generate RS256 keys.json");
		}
	}
}
