package org.authbench.jwt;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cases with {@code AUTHBENCH_JWT_SECRET} set (HS256, the default). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none",
				"authbench.jwt.secret=" + TestKeys.SECRET })
class Hs256TokenRejectionIntegrationTests extends TokenRejectionCases {

	private static final TestKeys KEYS = TestKeys.secret();

	@Override
	TestKeys keys() {
		return KEYS;
	}

	@Test
	void theHmacSecretIsNeverPublished() {
		assertThat(Http.get(baseUrl() + JwksController.PATH, null).json().get("keys").size()).isZero();
	}
}
