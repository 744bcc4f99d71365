package org.authbench.jwt;

import java.util.Map;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md cases 15–17 for tokens: refresh tokens rotate, reuse ends the family, logout and
 * an administrator's forced logout end it too; with Redis down, refresh is a fast 503.
 * Denylist mode, so the access tokens of an ended family stop at once as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=denylist",
				"authbench.jwt.secret=" + TestKeys.SECRET,
				// A first connection on 2 busy cores can take more than the default 500 ms.
				"spring.data.redis.timeout=3s", "spring.data.redis.connect-timeout=3s" })
class RefreshFamilyIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redis::port);
	}

	private ApiClient loggedIn(String username) {
		ApiClient client = new ApiClient("http://127.0.0.1:" + this.port, CredentialKind.BEARER);
		assertThat(client.login(username, "changeit").status()).isEqualTo(200);
		return client;
	}

	private Answer refresh(ApiClient client, String refreshToken) {
		return client.anonymous("POST", "/api/auth/refresh", JSON.writeValueAsString(Map.of("refreshToken", refreshToken)));
	}

	private static void assertJson401(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(401);
		assertThat(answer.isJson()).isTrue();
	}

	@Test
	void aRefreshTokenRotatesAndTheNewPairWorks() {
		ApiClient client = loggedIn("user0011");

		Answer first = refresh(client, client.refreshToken());
		Answer second = refresh(client, first.json().get("refreshToken").asString());

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("refreshToken").asString()).isNotEqualTo(client.refreshToken());
		assertThat(second.status()).isEqualTo(200);
		assertThat(client.withAccessToken(second.json().get("accessToken").asString()).get("/api/me").status())
			.isEqualTo(200);
	}

	@Test
	void reusingAnUsedRefreshTokenRevokesTheWholeFamily() {
		ApiClient client = loggedIn("user0012");
		String stolen = client.refreshToken();
		Answer legitimate = refresh(client, stolen);
		String currentRefresh = legitimate.json().get("refreshToken").asString();
		String currentAccess = legitimate.json().get("accessToken").asString();

		Answer reuse = refresh(client, stolen);

		assertJson401(reuse);
		assertThat(reuse.json().get("message").asString()).contains("reuse");
		assertJson401(refresh(client, currentRefresh));
		assertJson401(client.withAccessToken(currentAccess).get("/api/me"));
		assertThat(loggedIn("user0012").get("/api/me").status()).as("a new login works").isEqualTo(200);
	}

	@Test
	void logoutEndsTheRefreshFamily() {
		ApiClient client = loggedIn("user0013");

		assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(204);

		assertJson401(refresh(client, client.refreshToken()));
		assertJson401(client.get("/api/me"));
	}

	@Test
	void anAdministratorsForcedLogoutEndsEveryFamilyOfTheUser() {
		ApiClient phone = loggedIn("user0014");
		ApiClient laptop = loggedIn("user0014");
		ApiClient other = loggedIn("user0015");
		ApiClient admin = loggedIn("admin");

		Answer forced = admin.post("/api/admin/users/user0014/logout", null);

		assertThat(forced.status()).isEqualTo(204);
		for (ApiClient device : new ApiClient[] { phone, laptop }) {
			assertJson401(device.get("/api/me"));
			assertJson401(refresh(device, device.refreshToken()));
		}
		assertThat(other.get("/api/me").status()).as("another user is untouched").isEqualTo(200);
	}

	@Test
	void forcedLogoutNeedsTheAdminRoleAndAKnownUser() {
		ApiClient user = loggedIn("user0016");
		ApiClient admin = loggedIn("admin");

		assertThat(user.post("/api/admin/users/user0017/logout", null).status()).isEqualTo(403);
		Answer unknown = admin.post("/api/admin/users/nobody/logout", null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.isJson()).isTrue();
	}

	@Test
	void aMalformedOrAccessTokenAsRefreshIsA401() {
		ApiClient client = loggedIn("user0018");

		assertJson401(refresh(client, client.accessToken()));
		assertJson401(refresh(client, "garbage"));
		assertThat(client.anonymous("POST", "/api/auth/refresh", "{}").status()).isEqualTo(401);
	}

	@Test
	void withRedisDownRefreshIsAFast503AndServiceResumesWithoutRestart() {
		ApiClient client = loggedIn("user0019");
		redis.kill();
		Answer down;
		try {
			down = refresh(client, client.refreshToken());
		}
		finally {
			redis.restart();
		}

		assertThat(down.status()).isEqualTo(503);
		assertThat(down.isJson()).isTrue();
		assertThat(loggedIn("user0019").get("/api/me").status()).isEqualTo(200);
	}
}
