package org.authbench.harness.stack;

/**
 * The token cases through {@code --lb gateway-njs}, which verifies tokens itself (gateway.js)
 * and knows HS256 only: it holds the HMAC secret and no public key. So key confusion here is a
 * token HMAC-signed with another secret and one signed with an attacker's RSA key under the
 * stack's kid; every other algorithm in the header (RS256, ES256, HS512, …) must be rejected
 * too. An RS256 jwt stack cannot run behind this gateway at all (it would reject every token),
 * which is why no RS256 class exists for it. No request reaches jwt-app for a bad token: the
 * signature-check counter stays put trivially here.
 */
class NjsGatewayHs256TokenIntegrationTests extends GatewayTokenCases {

	@Override
	LbMode mode() {
		return LbMode.GATEWAY_NJS;
	}
}
