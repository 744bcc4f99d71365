package org.authbench.jwt;

import org.authbench.api.ApiContractCases;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.instance-id=jwt-7",
				"authbench.jwt.secret=" + TestKeys.SECRET })
class JwtContractIntegrationTests extends ApiContractCases {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redis::port);
	}

	@Override
	protected CredentialKind credentialKind() {
		return CredentialKind.BEARER;
	}
}
