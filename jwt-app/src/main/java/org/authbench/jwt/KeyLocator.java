package org.authbench.jwt;

import java.security.Key;
import java.util.function.Supplier;

import io.jsonwebtoken.JweHeader;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;

/**
 * Finds the verification key of a signed token by its {@code kid} in the current
 * {@link KeyRing}, and only if the header names that key's one algorithm. Headers that point
 * elsewhere for a key ({@code jku}, {@code x5u}, an embedded {@code jwk}, {@code x5c}) are
 * refused and never followed: keys come from the ring only. A JWE is not accepted at all.
 * jjwt calls this right before it checks the signature, so {@code onSignatureCheck} counts
 * the signature checks that are about to run.
 */
final class KeyLocator extends LocatorAdapter<Key> {

	private final Supplier<KeyRing> ring;

	private final Runnable onSignatureCheck;

	KeyLocator(Supplier<KeyRing> ring, Runnable onSignatureCheck) {
		this.ring = ring;
		this.onSignatureCheck = onSignatureCheck;
	}

	@Override
	protected Key locate(JwsHeader header) {
		if (header.getJwkSetUrl() != null || header.getJwk() != null || header.getX509Url() != null
				|| header.getX509Chain() != null || header.containsKey("x5c")) {
			throw new SecurityException("key references in the header (jku, jwk, x5u, x5c) are not accepted");
		}
		KeyRing.Entry key = this.ring.get()
			.find(header.getKeyId())
			.orElseThrow(() -> new SecurityException("unknown or missing kid"));
		if (!key.algorithm().id().equals(header.getAlgorithm())) {
			throw new SecurityException("kid and alg do not match");
		}
		this.onSignatureCheck.run();
		return key.verificationKey();
	}

	@Override
	protected Key locate(JweHeader header) {
		throw new UnsupportedJwtException("encrypted tokens (JWE) are not accepted");
	}
}
