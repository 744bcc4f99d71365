package org.authbench.jwt;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The token cases with ES256 keys from a keys file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none",
				"authbench.jwt.algorithm=ES256" })
class Es256TokenRejectionIntegrationTests extends PublicKeyTokenRejectionCases {

	private static final TestKeys KEYS = TestKeys.file(JwtAlgorithm.ES256);

	@DynamicPropertySource
	static void keysFile(DynamicPropertyRegistry registry) {
		registry.add("authbench.jwt.keys", KEYS::path);
	}

	@Override
	TestKeys keys() {
		return KEYS;
	}
}
