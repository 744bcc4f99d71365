package org.authbench.harness.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * Sticky variant, 3 instances behind nginx's sticky mode: 30 clients, all from 127.0.0.1, each
 * pinned to the instance that created its session; killing one loses exactly its sessions (401,
 * never 502).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StickyStackIntegrationTests {

	static final int CLIENTS = 30;

	static final int REQUESTS = 20;

	static StackState state;

	static final List<ApiClient> clients = new ArrayList<>();

	/** Every X-Instance-Id each client saw. */
	static final Map<ApiClient, Set<String>> seen = new HashMap<>();

	@BeforeAll
	static void startAndBrowse() {
		state = TestStacks.stack().up(TestStacks.spec(Variant.parse("sticky"), 3).build());
		for (int i = 1; i <= CLIENTS; i++) {
			ApiClient client = new ApiClient(state.url(), CredentialKind.COOKIE);
			Answer login = client.login(String.format("user%04d", i), "changeit");
			assertThat(login.status()).as("login through nginx: %s", login.body()).isEqualTo(200);
			clients.add(client);
			seen.put(client, new HashSet<>());
		}
		for (int round = 0; round < REQUESTS; round++) {
			for (ApiClient client : clients) {
				Answer me = client.get("/api/me");
				assertThat(me.status()).isEqualTo(200);
				seen.get(client).add(me.header("X-Instance-Id").orElseThrow());
			}
		}
	}

	@AfterAll
	static void stop() {
		TestStacks.down(state);
	}

	@Test
	@Order(1)
	void eachClientStaysOnOneInstanceAndTheClientsAreSpreadOverAllThree() {
		Set<String> instances = new HashSet<>();
		seen.values().forEach(instances::addAll);

		assertThat(seen.values()).allSatisfy(perClient -> assertThat(perClient).hasSize(1));
		assertThat(instances).containsExactlyInAnyOrder("sticky-1", "sticky-2", "sticky-3");
	}

	@Test
	@Order(2)
	void afterKillingApp2ItsClientsGet401AndTheOthersKeepWorking() {
		List<ApiClient> onApp2 = clients.stream().filter(c -> seen.get(c).contains("sticky-2")).toList();
		List<ApiClient> others = clients.stream().filter(c -> !seen.get(c).contains("sticky-2")).toList();

		state = TestStacks.stack().chaos(state, ChaosAction.KILL, "app-2");
		List<Answer> lost = onApp2.stream().map(client -> client.get("/api/me")).toList();
		List<Answer> kept = others.stream().map(client -> client.get("/api/me")).toList();

		assertThat(onApp2).isNotEmpty();
		assertThat(lost).allSatisfy(answer -> {
			assertThat(answer.status()).as("session lost, not a gateway error").isEqualTo(401);
			assertThat(answer.isJson()).isTrue();
		});
		assertThat(kept).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
		for (int i = 0; i < others.size(); i++) {
			assertThat(kept.get(i).header("X-Instance-Id")).contains(seen.get(others.get(i)).iterator().next());
		}
	}
}
