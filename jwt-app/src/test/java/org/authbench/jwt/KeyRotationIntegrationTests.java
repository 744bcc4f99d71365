package org.authbench.jwt;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md case 4, second half: a key rotation on a running instance, through the keys file
 * and the keys tool, without a restart. Tokens of the old key verify until it is retired,
 * then get 401; tokens of the new key verify from the moment it is added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none",
				"authbench.jwt.algorithm=ES256", "authbench.jwt.keys-reload=100ms" ,
				// A first connection on 2 busy cores can take more than the default 500 ms.
				"spring.data.redis.timeout=3s", "spring.data.redis.connect-timeout=3s" })
class KeyRotationIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final TestKeys KEYS = TestKeys.file(JwtAlgorithm.ES256);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redis::port);
		registry.add("authbench.jwt.keys", KEYS::path);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private String login() {
		ApiClient client = new ApiClient(base(), CredentialKind.BEARER);
		assertThat(client.login("user0021", "changeit").status()).isEqualTo(200);
		return client.accessToken();
	}

	private int meWith(String token) {
		return new ApiClient(base(), CredentialKind.BEARER).withAccessToken(token).get("/api/me").status();
	}

	private static String kid(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asString();
	}

	private boolean published(String kid) {
		JsonNode keys = Http.get(base() + JwksController.PATH, null).json().get("keys");
		for (JsonNode key : keys) {
			if (kid.equals(key.get("kid").asString())) {
				return true;
			}
		}
		return false;
	}

	private static void keys(String... args) {
		assertThat(KeysTool.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args))
			.isZero();
	}

	private static void eventually(String what, Callable<Boolean> condition) {
		Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
	}

	@Test
	void aRotationAddsActivatesAndRetiresKeysWithoutRestart() {
		String oldToken = login();
		assertThat(kid(oldToken)).isEqualTo(KEYS.kid());

		keys("add", "ES256", KEYS.path());
		String newKid = KeysFile.read(KEYS.file()).keys().get(0).getId();
		eventually("the new key is published", () -> published(newKid));
		assertThat(kid(login())).as("an added key only verifies").isEqualTo(KEYS.kid());

		keys("activate", KEYS.path(), newKid);
		eventually("new tokens use the new key", () -> kid(login()).equals(newKid));
		String newToken = login();
		assertThat(meWith(oldToken)).as("old key still verifies").isEqualTo(200);
		assertThat(meWith(newToken)).isEqualTo(200);

		keys("retire", KEYS.path(), KEYS.kid());
		eventually("the old key is retired", () -> !published(KEYS.kid()));
		assertThat(meWith(oldToken)).as("a token of a retired key").isEqualTo(401);
		assertThat(meWith(newToken)).isEqualTo(200);
	}
}
