package org.authbench.harness.stack;

import java.time.Duration;
import java.util.List;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/security.md cases 21 and 22 on jwt-ha (denylist revocation, Redis as a primary, a
 * replica and three Sentinels; docs/design.md §10), on real processes.
 */
class RedisSentinelSecurityIntegrationTests {

	static StackState state;

	@BeforeAll
	static void start() {
		state = TestStacks.stack().up(Setup.parse("jwt-ha").apply(TestStacks.spec(Variant.parse("jwt"), 1).build()));
	}

	@AfterAll
	static void stop() {
		TestStacks.down(state);
	}

	private static ApiClient loggedIn(String username) {
		ApiClient client = new ApiClient(state.url(), CredentialKind.BEARER);
		assertThat(client.login(username, "changeit").status()).isEqualTo(200);
		return client;
	}

	/** Case 22: a token revoked before the failover is still rejected after it. */
	@Test
	void aTokenRevokedBeforeTheFailoverIsStillRejectedAfterIt() {
		ApiClient revoked = loggedIn("user0031");
		ApiClient live = loggedIn("user0032");
		assertThat(revoked.post("/api/auth/logout", null).status()).isEqualTo(204);
		int primaryPort = state.redisPort().orElseThrow();
		try (Jedis primary = new Jedis("127.0.0.1", primaryPort, 2000)) {
			assertThat(primary.waitReplicas(1, 2000)).as("the replica acknowledged the logout").isEqualTo(1);
		}

		state = TestStacks.stack().chaos(state, ChaosAction.KILL, "redis-primary");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> live.get("/api/me").status() == 200);

		assertThat(state.redisPort()).as("a Sentinel names another primary").isNotEqualTo(java.util.Optional.of(primaryPort));
		ApiClient.Answer replay = revoked.get("/api/me");
		assertThat(replay.status()).as(replay.body()).isEqualTo(401);
		assertThat(replay.isJson()).isTrue();
	}

	/** Case 21: with no Redis node answering, a token that needs the denylist check gets 503, never 200. */
	@Test
	void withEveryRedisNodeFrozenTheDenylistCheckFailsClosed() {
		ApiClient live = loggedIn("user0033");
		assertThat(live.get("/api/me").status()).isEqualTo(200);
		List<Member> frozen = state.members()
			.stream()
			.filter(member -> member.role() == Member.Role.REDIS && Processes.isAlive(member))
			.toList();
		frozen.forEach(node -> TestStacks.stack().chaos(state, ChaosAction.FREEZE, node.name()));
		ApiClient.Answer answer;
		try {
			answer = live.get("/api/me");
		}
		finally {
			frozen.forEach(node -> TestStacks.stack().chaos(state, ChaosAction.THAW, node.name()));
		}

		assertThat(answer.status()).as(answer.body()).isEqualTo(503);
		assertThat(answer.isJson()).isTrue();
		assertThat(answer.json().toString()).contains("Redis unavailable");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> live.get("/api/me").status() == 200);
	}
}
