package org.authbench.harness.stack;

/** {@code --lb gateway}: nginx asks jwt-app's authorizer with auth_request. */
class AuthRequestGatewayIntegrationTests extends GatewayStackIntegrationTests {

	@Override
	LbMode mode() {
		return LbMode.GATEWAY;
	}
}
