package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisCommandStats;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three revocation modes on two jwt-app instances sharing one real Redis: how long a
 * logged-out (or force-logged-out) access token keeps working on each instance, and what an
 * authenticated read costs in Redis commands (CONFIG RESETSTAT + INFO commandstats). The
 * delays and costs are printed as {@code REVOCATION …} lines for the record.
 */
class RevocationModesIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int READS = 20;

	private static ConfigurableApplicationContext start(JwtProperties.Revocation mode, int instance) {
		return new SpringApplicationBuilder(JwtApplication.class).run("--server.port=0",
				"--authbench.users.hash-cost=4", "--authbench.jwt.secret=" + TestKeys.SECRET,
				"--authbench.jwt.revocation=" + mode.name().toLowerCase().replace('_', '-'),
				"--spring.data.redis.port=" + redis.port(), "--authbench.instance-id=jwt-" + instance,
				// Generous: this test is about revocation, and a first connection on 2 busy cores can take > 500 ms.
				"--spring.data.redis.timeout=3s", "--spring.data.redis.connect-timeout=3s");
	}

	private static String url(ConfigurableApplicationContext app) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@ParameterizedTest
	@EnumSource(JwtProperties.Revocation.class)
	void logoutForcedLogoutAndPerRequestCostOnTwoInstances(JwtProperties.Revocation mode) {
		try (ConfigurableApplicationContext one = start(mode, 1); ConfigurableApplicationContext two = start(mode, 2)) {
			boolean revokedAtOnce = mode != JwtProperties.Revocation.NONE;

			// Logout on instance 1, then the old access token on both instances.
			ApiClient onOne = login(url(one), "user0031");
			ApiClient onTwo = onOne.sameCredentialAt(url(two));
			assertThat(onTwo.get("/api/me").status()).isEqualTo(200);
			assertThat(onOne.post("/api/auth/logout", null).status()).isEqualTo(204);
			List<Integer> afterLogout = List.of(onOne.get("/api/me").status(), onTwo.get("/api/me").status());
			int refreshAfterLogout = refresh(onTwo).status();

			assertThat(afterLogout).containsOnly(revokedAtOnce ? 401 : 200);
			assertThat(refreshAfterLogout).as("logout ends the refresh family in every mode").isEqualTo(401);
			report(mode, "logout", onOne.accessToken(), revokedAtOnce);

			// An administrator's forced logout on instance 2 of a user logged in on instance 1.
			ApiClient victim = login(url(one), "user0032");
			ApiClient admin = login(url(two), "admin");
			assertThat(admin.post("/api/admin/users/user0032/logout", null).status()).isEqualTo(204);
			List<Integer> afterForced = List.of(victim.get("/api/me").status(),
					victim.sameCredentialAt(url(two)).get("/api/me").status());

			assertThat(afterForced).containsOnly(revokedAtOnce ? 401 : 200);
			assertThat(refresh(victim).status()).isEqualTo(401);
			report(mode, "forced logout", victim.accessToken(), revokedAtOnce);

			// Redis commands per authenticated read.
			ApiClient reader = login(url(one), "user0033");
			RedisCommandStats stats = new RedisCommandStats(redis);
			stats.reset();
			for (int i = 0; i < READS; i++) {
				assertThat(reader.get("/api/items").status()).isEqualTo(200);
			}
			Map<String, Long> commands = stats.counts();

			long expected = revokedAtOnce ? READS : 0;
			assertThat(RedisCommandStats.total(commands)).as(commands.toString()).isEqualTo(expected);
			System.out.printf("REVOCATION mode=%s: %.1f Redis commands per authenticated read %s%n", mode,
					RedisCommandStats.total(commands) / (double) READS, commands);
		}
	}

	private static ApiClient login(String url, String username) {
		ApiClient client = new ApiClient(url, CredentialKind.BEARER);
		assertThat(client.login(username, "changeit").status()).isEqualTo(200);
		return client;
	}

	private static ApiClient.Answer refresh(ApiClient client) {
		return client.anonymous("POST", "/api/auth/refresh",
				JSON.writeValueAsString(Map.of("refreshToken", client.refreshToken())));
	}

	private static void report(JwtProperties.Revocation mode, String what, String accessToken, boolean revokedAtOnce) {
		long exp = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1])).get("exp").asLong();
		Duration remaining = Duration.between(Instant.now(), Instant.ofEpochSecond(exp));
		if (!revokedAtOnce) {
			assertThat(remaining).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
		}
		System.out.printf("REVOCATION mode=%s after %s: %s%n", mode, what,
				revokedAtOnce ? "rejected at once on both instances"
						: "still accepted on both instances until exp, " + remaining.toSeconds() + " s left");
	}
}
