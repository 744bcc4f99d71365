package org.authbench.jwt;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cases with EDDSA keys from a keys file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none",
				"authbench.jwt.algorithm=EDDSA" })
class EdDsaTokenRejectionIntegrationTests extends TokenRejectionCases {

	private static final TestKeys KEYS = TestKeys.file(JwtAlgorithm.EDDSA);

	@DynamicPropertySource
	static void keysFile(DynamicPropertyRegistry registry) {
		registry.add("authbench.jwt.keys", KEYS::path);
	}

	@Override
	TestKeys keys() {
		return KEYS;
	}

	@Test
	void thePublicKeyIsPublishedAsAJwkSet() {
		var jwks = Http.get(baseUrl() + JwksController.PATH, null);

		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.json().get("keys").size()).isEqualTo(1);
		assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isEqualTo(KEYS.kid());
		assertThat(jwks.json().get("keys").get(0).has("d")).as("no private part").isFalse();
	}
}
