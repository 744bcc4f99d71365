package org.authbench.harness.stack;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.authbench.harness.docker.DockerEngine;
import org.authbench.harness.verify.Verify;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker runtime (container tier): a clustered stack of 2 instances as containers of
 * {@code ./authbench images} on private networks, verified through nginx, broken through the
 * Docker API (SIGKILL, pause) and partitioned: docs/security.md case 23, an instance cut off
 * Redis while nginx still reaches it answers 503 and never serves a session from a local copy,
 * and serves again once it sees Redis, with the sessions made before (the drill of the same
 * fault under load, which counted them too, left the suite: DockerDrillIntegrationTests).
 */
@ExtendWith(DockerEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerStackIntegrationTests {

	static final DockerStack DOCKER = new DockerStack(new PrintWriter(System.out, true));

	static StackState state;

	@BeforeAll
	static void start() {
		state = DOCKER.up(TestStacks.spec(Variant.parse("clustered"), 2).build());
	}

	@AfterAll
	static void stop() {
		if (state != null) {
			StackState.load(java.nio.file.Path.of(state.runDir())).ifPresent(DOCKER::down);
		}
	}

	@Test
	@Order(1)
	void theContractHoldsThroughTheContainersNginx() {
		Verify.Result result = Verify.run(state.url(), Verify.Target.of(state));

		assertThat(result.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + ": " + check.detail())
			.isTrue());
		assertThat(DOCKER.status(state)).extracting(MemberStatus::state).containsOnly("running");
	}

	/**
	 * The trial's CPU per container, read from its cgroup by a Docker exec, is the counter the
	 * Docker stats API shows, read at the moment of the call: the stats API's answer, taken at its
	 * collector's tick after the first exec and before the second, lies between them.
	 */
	@Test
	@Order(2)
	void eachContainersCpuIsItsCgroupsCounterAtTheMomentOfTheCall() {
		DockerContainers containers = DockerStack.containers(state);
		ApiClient client = new ApiClient(state.url(), CredentialKind.COOKIE);
		assertThat(client.login("user0003", "changeit").status()).isEqualTo(200);

		double before = containers.cpuSeconds("app-1");
		double stats = containers.statsCpuSeconds("app-1");
		double after = containers.cpuSeconds("app-1");
		containers.pause("app-2");
		double paused;
		try {
			paused = containers.cpuSeconds("app-2");
		}
		finally {
			containers.unpause("app-2");
		}

		assertThat(before).as("a JVM that started and served: seconds of CPU").isGreaterThan(1);
		assertThat(stats).as("the stats API, between the two exec readings").isBetween(before, after);
		assertThat(paused).as("a paused container, read through the stats API").isGreaterThan(1);
		assertThat(DockerStack.cpuSeconds(state, List.of("nginx", "app-1", "redis"))).containsOnlyKeys("nginx", "app-1", "redis")
			.allSatisfy((name, seconds) -> assertThat(seconds).as(name).isPositive());
	}

	@Test
	@Order(3)
	void aPartitionedInstanceAnswers503UntilItSeesRedisAndNeverServesAnOldSession() {
		ApiClient onApp1 = new ApiClient(app(1), CredentialKind.COOKIE);
		assertThat(onApp1.login("user0001", "changeit").status()).isEqualTo(200);
		ApiClient onApp2 = onApp1.sameCredentialAt(app(2));
		assertThat(onApp2.get("/api/me").status()).as("the session is shared before the partition").isEqualTo(200);
		ApiClient kept = new ApiClient(app(2), CredentialKind.COOKIE);
		assertThat(kept.login("user0003", "changeit").status()).isEqualTo(200);

		state = DOCKER.chaos(state, ChaosAction.PARTITION, "app-2");
		List<Answer> cutOff = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			cutOff.add(onApp2.get("/api/me"));
		}
		Answer stillServed = onApp1.get("/api/me");
		Answer logout = onApp1.post("/api/auth/logout", null);
		Answer cutOffAfterLogout = onApp2.get("/api/me");
		assertThat(DOCKER.status(state)).anySatisfy(member -> assertThat(member.state()).contains("cut off Redis"));
		state = DOCKER.chaos(state, ChaosAction.HEAL, "app-2");

		assertThat(cutOff).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(503);
			assertThat(answer.isJson()).isTrue();
		});
		assertThat(stillServed.status()).as("app-1 keeps Redis").isEqualTo(200);
		assertThat(logout.status()).isEqualTo(204);
		assertThat(cutOffAfterLogout.status()).isEqualTo(503);
		Awaitility.await("app-2 serves again once it sees Redis")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> onApp2.get("/api/me").status() == 401);
		assertThat(kept.get("/api/me").status()).as("a session made on app-2 before the partition stays in Redis")
			.isEqualTo(200);
		ApiClient fresh = new ApiClient(app(2), CredentialKind.COOKIE);
		assertThat(fresh.login("user0002", "changeit").status()).isEqualTo(200);
		assertThat(fresh.get("/api/me").status()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void afterAContainerIsKilledEveryClientKeepsItsSessionThroughNginx() {
		List<ApiClient> clients = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			ApiClient client = new ApiClient(state.url(), CredentialKind.COOKIE);
			assertThat(client.login(String.format("user%04d", i), "changeit").status()).isEqualTo(200);
			clients.add(client);
		}

		state = DOCKER.chaos(state, ChaosAction.KILL, "app-1");
		List<Answer> after = clients.stream().map(client -> client.get("/api/me")).toList();
		List<MemberStatus> status = DOCKER.status(state);
		state = DOCKER.chaos(state, ChaosAction.START, "app-1");

		assertThat(after).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
		assertThat(status).filteredOn(member -> member.name().equals("app-1"))
			.singleElement()
			.satisfies(member -> assertThat(member.state()).isEqualTo("gone"));
		assertThat(DOCKER.status(state)).allSatisfy(member -> assertThat(member.isUp()).as(member.name()).isTrue());
	}

	private static String app(int n) {
		return "http://127.0.0.1:" + state.member("app-" + n).orElseThrow().port();
	}
}
