package org.authbench.testsupport;

import java.security.Key;

/**
 * A signing key as a token forger holds it: the server's own key, so that a forged token can
 * carry a right signature and something else must catch it.
 *
 * @param algorithm the JOSE name of the key's algorithm: HS256, RS256, ES256 or EdDSA
 * @param kid the key id the server knows the key by
 * @param signingKey the HMAC secret or the private key
 * @param verificationKey the HMAC secret or the public key
 */
public record TokenKey(String algorithm, String kid, Key signingKey, Key verificationKey) {
}
