package org.authbench.baseline;

import org.authbench.api.ApiContractCases;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.instance-id=baseline-7" })
class BaselineContractIntegrationTests extends ApiContractCases {

	@Override
	protected CredentialKind credentialKind() {
		return CredentialKind.NONE;
	}
}
