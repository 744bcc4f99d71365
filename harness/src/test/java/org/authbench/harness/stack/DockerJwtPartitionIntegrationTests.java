package org.authbench.harness.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.authbench.harness.docker.DockerEngine;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security case 23 for JWT with the denylist (jwt-app's default revocation mode) on the docker
 * runtime (container tier): a token revoked by logout before the partition is never accepted by
 * the instance cut off Redis. Without the denylist it cannot tell a revoked token from a live
 * one, so it fails closed: 503 for both, never 200, until it sees Redis again; then the revoked
 * token is 401 and the live one 200. The other instance, which keeps Redis, never stops telling
 * them apart.
 */
@ExtendWith(DockerEngine.class)
class DockerJwtPartitionIntegrationTests {

	static final DockerStack DOCKER = new DockerStack(new PrintWriter(System.out, true));

	static StackState state;

	@BeforeAll
	static void start() {
		state = DOCKER.up(TestStacks.spec(Variant.parse("jwt"), 2).appEnv("AUTHBENCH_JWT_REVOCATION", "denylist").build());
	}

	@AfterAll
	static void stop() {
		if (state != null) {
			StackState.load(Path.of(state.runDir())).ifPresent(DOCKER::down);
		}
	}

	@Test
	void aTokenRevokedBeforeThePartitionIsNeverAcceptedByThePartitionedInstance() {
		ApiClient revokedOnApp1 = new ApiClient(app(1), CredentialKind.BEARER);
		assertThat(revokedOnApp1.login("user0041", "changeit").status()).isEqualTo(200);
		ApiClient liveOnApp1 = new ApiClient(app(1), CredentialKind.BEARER);
		assertThat(liveOnApp1.login("user0042", "changeit").status()).isEqualTo(200);
		ApiClient revokedOnApp2 = revokedOnApp1.sameCredentialAt(app(2));
		ApiClient liveOnApp2 = liveOnApp1.sameCredentialAt(app(2));
		assertThat(revokedOnApp2.get("/api/me").status()).as("accepted everywhere before logout").isEqualTo(200);
		assertThat(revokedOnApp1.post("/api/auth/logout", null).status()).isEqualTo(204);
		assertThat(revokedOnApp2.get("/api/me").status()).as("the denylist is shared before the partition").isEqualTo(401);

		state = DOCKER.chaos(state, ChaosAction.PARTITION, "app-2");
		List<Answer> revokedCutOff = new ArrayList<>();
		List<Answer> liveCutOff = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			revokedCutOff.add(revokedOnApp2.get("/api/me"));
			liveCutOff.add(liveOnApp2.get("/api/me"));
		}
		Answer revokedOnTheOther = revokedOnApp1.get("/api/me");
		Answer liveOnTheOther = liveOnApp1.get("/api/me");
		assertThat(DOCKER.status(state)).anySatisfy(member -> assertThat(member.state()).contains("cut off Redis"));
		state = DOCKER.chaos(state, ChaosAction.HEAL, "app-2");

		assertThat(revokedCutOff).as("the revoked token on the instance cut off Redis: fails closed, never 200")
			.allSatisfy(answer -> {
				assertThat(answer.status()).as(answer.body()).isEqualTo(503);
				assertThat(answer.isJson()).isTrue();
			});
		assertThat(liveCutOff).as("a live token there cannot be checked either")
			.allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(503));
		assertThat(revokedOnTheOther.status()).as("app-1 keeps Redis and the denylist").isEqualTo(401);
		assertThat(liveOnTheOther.status()).isEqualTo(200);
		Awaitility.await("app-2 checks the denylist again once it sees Redis")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> liveOnApp2.get("/api/me").status() == 200);
		assertThat(revokedOnApp2.get("/api/me").status()).as("still revoked after the heal").isEqualTo(401);
	}

	private static String app(int n) {
		return "http://127.0.0.1:" + state.member("app-" + n).orElseThrow().port();
	}
}
