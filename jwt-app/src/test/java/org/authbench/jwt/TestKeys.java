package org.authbench.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.jsonwebtoken.security.Jwk;
import org.authbench.testsupport.TokenKey;

/**
 * Keys a test gives the app (and keeps, to forge tokens with the app's own key): the HS256
 * secret of the test configuration, or a keys file of one freshly generated key.
 */
record TestKeys(JwtAlgorithm algorithm, String kid, Key signingKey, Key verificationKey, Path file) {

	/** 256 bits, base64; for tests only. */
	static final String SECRET = "dGVzdC1zZWNyZXQtb2YtdGhpcnR5LXR3by1ieXRlcyEh";

	/** 384 bits, base64, as {@code openssl rand -base64 48} gives; for tests only (docs/security.md case 24). */
	static final String SECRET_384 = "YS0zODQtYml0LXRlc3Qtc2VjcmV0LWFzLW9wZW5zc2wtcmFuZC1iYXNlNjQtNDgh";

	/**
	 * The settings of a {@link TokenService} a test builds without Spring: the app's issuer and
	 * audience, no clock skew, no revocation state, this access-token lifetime and verified-token cache.
	 */
	static JwtProperties settings(JwtAlgorithm algorithm, int verifiedCache, Duration accessTtl) {
		return new JwtProperties(algorithm, null, null, Duration.ofSeconds(10), "authbench", "authbench-api", accessTtl,
				Duration.ofHours(8), Duration.ZERO, 8192, JwtProperties.Revocation.NONE, verifiedCache);
	}

	static TestKeys secret() {
		return secret(SECRET);
	}

	/** The keys of a base64 HS256 secret, with the kid the app derives from it. */
	static TestKeys secret(String base64) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		Key key = io.jsonwebtoken.security.Keys.hmacShaKeyFor(bytes);
		return new TestKeys(JwtAlgorithm.HS256, KeyRingSource.secretKid(bytes), key, key, null);
	}

	/** A keys file with one active key of the algorithm, in a temporary folder. */
	static TestKeys file(JwtAlgorithm algorithm) {
		Jwk<?> jwk = algorithm.generate(algorithm.id().toLowerCase() + "-test-1");
		try {
			Path file = Files.createTempDirectory("authbench-keys-").resolve("keys.json");
			KeysFile.write(file, new KeysFile.Contents(jwk.getId(), List.of(jwk)));
			KeyRing.Entry entry = KeyRing.entry(jwk);
			return new TestKeys(algorithm, jwk.getId(), entry.signingKey(), entry.verificationKey(), file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The key as the shared token forging code holds it. */
	TokenKey tokenKey() {
		return new TokenKey(this.algorithm.id(), this.kid, this.signingKey, this.verificationKey);
	}

	String path() {
		return this.file.toString();
	}
}
