package org.authbench.sticky;

import org.authbench.api.ApiContractCases;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.instance-id=sticky-7", "authbench.session.route=app7" })
class StickySessionContractIntegrationTests extends ApiContractCases {

	@Override
	protected CredentialKind credentialKind() {
		return CredentialKind.COOKIE;
	}

	@Test
	void sessionCookieEndsWithTheInstanceRoute() {
		ApiClient client = new ApiClient(baseUrl(), CredentialKind.COOKIE);

		client.login("user0011", PASSWORD);

		assertThat(client.cookie()).startsWith("JSESSIONID=").endsWith(".app7");
		assertThat(client.get("/api/me").status()).isEqualTo(200);
	}
}
