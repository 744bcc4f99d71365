package org.authbench.harness.stack;

/**
 * The token cases through {@code --lb gateway} with HS256 (the default): nginx asks jwt-app's
 * authorizer with auth_request, so these check that nothing of a bad token slips past the
 * subrequest (headers, sizes, answers) and that a failed check never reaches the instance.
 */
class AuthRequestGatewayHs256TokenIntegrationTests extends GatewayTokenCases {

	@Override
	LbMode mode() {
		return LbMode.GATEWAY;
	}
}
