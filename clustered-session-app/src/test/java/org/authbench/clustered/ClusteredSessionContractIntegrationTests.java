package org.authbench.clustered;

import org.authbench.api.ApiContractCases;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.instance-id=clustered-7" })
class ClusteredSessionContractIntegrationTests extends ApiContractCases {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redis::port);
		// Generous: a loaded machine may take longer than 500 ms for the first connection.
		registry.add("spring.data.redis.connect-timeout", () -> "5s");
		registry.add("spring.data.redis.timeout", () -> "5s");
	}

	@Override
	protected CredentialKind credentialKind() {
		return CredentialKind.COOKIE;
	}
}
