package org.authbench.jwt;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cases with {@code AUTHBENCH_JWT_SECRET} set (HS256, the default). */
@TestPropertySource(properties = "authbench.jwt.secret=" + TestKeys.SECRET)
class Hs256TokenRejectionIntegrationTests extends TokenRejectionCases {

	@Test
	void theHmacSecretIsNeverPublished() {
		assertThat(Http.get(baseUrl() + JwksController.PATH, null).json().get("keys").size()).isZero();
	}
}
