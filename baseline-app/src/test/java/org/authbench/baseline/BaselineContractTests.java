package org.authbench.baseline;

import org.authbench.api.ApiContractTests;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.instance-id=baseline-7" })
class BaselineContractTests extends ApiContractTests {

	@LocalServerPort
	int port;

	@Override
	protected String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	protected CredentialKind credentialKind() {
		return CredentialKind.NONE;
	}

	@Override
	protected String instanceId() {
		return "baseline-7";
	}
}
