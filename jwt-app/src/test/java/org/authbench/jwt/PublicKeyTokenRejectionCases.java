package org.authbench.jwt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cases for an asymmetric algorithm, whose public key is published as a JWK Set. */
abstract class PublicKeyTokenRejectionCases extends TokenRejectionCases {

	@Test
	void thePublicKeyIsPublishedAsAJwkSet() {
		var jwks = Http.get(baseUrl() + JwksController.PATH, null);

		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.json().get("keys").size()).isEqualTo(1);
		assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isEqualTo(keys().kid());
		assertThat(jwks.json().get("keys").get(0).has("d")).as("no private part").isFalse();
	}
}
