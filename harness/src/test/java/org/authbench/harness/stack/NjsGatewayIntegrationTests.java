package org.authbench.harness.stack;

/** {@code --lb gateway-njs}: nginx verifies the HS256 token itself, in njs. */
class NjsGatewayIntegrationTests extends GatewayStackIntegrationTests {

	@Override
	LbMode mode() {
		return LbMode.GATEWAY_NJS;
	}
}
