package org.authbench.jwt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cases for an asymmetric algorithm, whose public key is published as a JWK Set. A
 * subclass names the algorithm ({@code authbench.jwt.algorithm}); the app gets a keys file of
 * one fresh key of it ({@code authbench.jwt.keys}), which the test forges its tokens with.
 */
@ContextConfiguration(initializers = PublicKeyTokenRejectionCases.KeysFileOfTheAlgorithm.class)
abstract class PublicKeyTokenRejectionCases extends TokenRejectionCases {

	static final String ALGORITHM = "authbench.jwt.algorithm";

	/** One keys file per algorithm, made when the first app of that algorithm starts. */
	private static final Map<JwtAlgorithm, TestKeys> FILES = new ConcurrentHashMap<>();

	@Value("${" + ALGORITHM + "}")
	String algorithm;

	static TestKeys keysFile(String algorithm) {
		return FILES.computeIfAbsent(JwtAlgorithm.of(algorithm), TestKeys::file);
	}

	@Override
	TestKeys keys() {
		return keysFile(this.algorithm);
	}

	/** Points the app at the keys file of the algorithm it is started with. */
	static final class KeysFileOfTheAlgorithm implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestKeys keys = keysFile(context.getEnvironment().getRequiredProperty(ALGORITHM));
			TestPropertyValues.of("authbench.jwt.keys=" + keys.path()).applyTo(context);
		}
	}

	@Test
	void thePublicKeyIsPublishedAsAJwkSet() {
		var jwks = Http.get(baseUrl() + JwksController.PATH, null);

		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.json().get("keys").size()).isEqualTo(1);
		assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isEqualTo(keys().kid());
		assertThat(jwks.json().get("keys").get(0).has("d")).as("no private part").isFalse();
	}
}
