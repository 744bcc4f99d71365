package org.authbench.harness.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import java.util.Map;

import org.authbench.testsupport.TokenForge;
import org.authbench.testsupport.TokenKey;

/**
 * The token cases through {@code --lb gateway} with RS256: the asymmetric cases, key confusion
 * above all (HMAC-signed with the public key's DER, PEM and JWK as the secret), reach the
 * authorizer through nginx. The stack gets a keys file of one RSA key made here, so the test
 * holds the private key the stack signs with.
 */
class AuthRequestGatewayRs256TokenIntegrationTests extends GatewayTokenCases {

	private static final String KID = "rs256-gateway-test";

	private final KeyPair pair = TokenForge.keyPair("RS256");

	@Override
	LbMode mode() {
		return LbMode.GATEWAY;
	}

	@Override
	StackSpec.Builder withKeys(StackSpec.Builder spec) {
		return spec.appEnv("AUTHBENCH_JWT_ALG", "RS256").appEnv("AUTHBENCH_JWT_KEYS", keysFile().toString());
	}

	@Override
	TokenKey key() {
		return new TokenKey("RS256", KID, this.pair.getPrivate(), this.pair.getPublic());
	}

	/** jwt-app's keys file: a JWK Set of private keys and the active kid. */
	private Path keysFile() {
		RSAPrivateCrtKey key = (RSAPrivateCrtKey) this.pair.getPrivate();
		Map<String, Object> jwk = TokenForge.publicJwk(this.pair.getPublic(), KID);
		jwk.put("alg", "RS256");
		jwk.put("d", TokenForge.b64(TokenForge.unsigned(key.getPrivateExponent())));
		jwk.put("p", TokenForge.b64(TokenForge.unsigned(key.getPrimeP())));
		jwk.put("q", TokenForge.b64(TokenForge.unsigned(key.getPrimeQ())));
		jwk.put("dp", TokenForge.b64(TokenForge.unsigned(key.getPrimeExponentP())));
		jwk.put("dq", TokenForge.b64(TokenForge.unsigned(key.getPrimeExponentQ())));
		jwk.put("qi", TokenForge.b64(TokenForge.unsigned(key.getCrtCoefficient())));
		try {
			Path file = TestStacks.tempDir().resolve("keys.json");
			Files.writeString(file, TokenForge.json(Map.of("active", KID, "keys", List.of(jwk))));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
