package org.authbench.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the keys come from, in this order: the keys file ({@code AUTHBENCH_JWT_KEYS}) shared
 * by every instance; for HS256 without a file, the secret ({@code AUTHBENCH_JWT_SECRET});
 * for an asymmetric algorithm without a file, a key pair generated at start (fine for one
 * instance: another instance would not know it).
 */
final class KeyRingSource {

	private static final Logger log = LoggerFactory.getLogger(KeyRingSource.class);

	private final JwtProperties settings;

	KeyRingSource(JwtProperties settings) {
		this.settings = settings;
	}

	Optional<Path> file() {
		String keys = this.settings.keys();
		return keys == null || keys.isBlank() ? Optional.empty() : Optional.of(Path.of(keys.trim()));
	}

	KeyRing load() {
		JwtAlgorithm algorithm = this.settings.algorithm();
		if (file().isPresent()) {
			KeyRing ring = KeysFile.read(file().get()).ring();
			if (ring.active().algorithm() != algorithm) {
				throw new InvalidJwtKeyException("The active key '" + ring.active().kid() + "' of " + file().get()
						+ " is " + ring.active().algorithm().id() + " but AUTHBENCH_JWT_ALG is " + algorithm.id() + ".",
						"Set AUTHBENCH_JWT_ALG=" + ring.active().algorithm().id() + ", or activate a key of " + algorithm.id()
								+ " (java -jar jwt-app.jar keys activate <file> <kid>).");
			}
			return ring;
		}
		if (algorithm.isHmac()) {
			byte[] secret = secretBytes(this.settings.secret());
			// Named HmacSHA256 whatever its length: jjwt's Keys.hmacShaKeyFor names a 384-bit secret
			// HmacSHA384, and the JWK builder then sets alg HS384 over ours (docs/security.md case 24).
			SecretKey key256 = new SecretKeySpec(secret, "HmacSHA256");
			Jwk<?> key = Jwks.builder().key(key256).id(secretKid(secret)).algorithm(algorithm.id()).build();
			return KeyRing.of(key.getId(), List.of(key));
		}
		Jwk<?> generated = algorithm.generate(algorithm.id().toLowerCase() + "-generated");
		log.warn("No AUTHBENCH_JWT_KEYS: generated an {} key pair at start. Tokens of this instance are not accepted "
				+ "by any other instance; give every instance the same keys file.", algorithm.id());
		return KeyRing.of(generated.getId(), List.of(generated));
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

	/** The same on every instance sharing the secret, and says nothing usable about it. */
	static String secretKid(byte[] secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("authbench-kid:" + Base64.getEncoder().encodeToString(secret)).getBytes(StandardCharsets.UTF_8));
			return "hs256-" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
