package org.authbench.harness.stack;

import java.util.ArrayList;
import java.util.List;

import org.authbench.harness.verify.Verify;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** Clustered variant, 3 instances round-robin on one Redis: sessions outlive the instance that made them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusteredStackIntegrationTests {

	static StackState state;

	@BeforeAll
	static void start() {
		state = TestStacks.stack().up(TestStacks.spec(Variant.parse("clustered"), 3).build());
	}

	@AfterAll
	static void stop() {
		TestStacks.down(state);
	}

	@Test
	@Order(1)
	void theContractHoldsThroughNginx() {
		Verify.Result result = Verify.run(state.url(), new Verify.Target(Variant.parse("clustered"), LbMode.ROUND_ROBIN, true));

		assertThat(result.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + ": " + check.detail())
			.isTrue());
		assertThat(result.passed()).isTrue();
	}

	@Test
	@Order(2)
	void afterKillingAnInstanceEveryClientKeepsItsSession() {
		List<ApiClient> clients = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			ApiClient client = new ApiClient(state.url(), CredentialKind.COOKIE);
			assertThat(client.login(String.format("user%04d", i), "changeit").status()).isEqualTo(200);
			assertThat(client.get("/api/me").status()).isEqualTo(200);
			clients.add(client);
		}

		state = TestStacks.stack().chaos(state, ChaosAction.KILL, "app-1");
		List<Answer> after = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			clients.forEach(client -> after.add(client.get("/api/me")));
		}

		assertThat(after).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.header("X-Instance-Id")).isNotEqualTo(java.util.Optional.of("clustered-1"));
		});
		for (int i = 0; i < clients.size(); i++) {
			assertThat(after.get(i).json().get("username").asString()).isEqualTo(String.format("user%04d", i + 1));
		}
	}
}
