package org.authbench.clustered;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisCommandStats;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis commands one request costs, per operation and session store, counted by a real
 * Redis ({@code CONFIG RESETSTAT} + {@code INFO commandstats}) over {@value #TIMES} requests of
 * each kind, so that one-off commands (connection set-up) do not blur the figure. The default
 * store commits the session twice per request (on the response commit and at the filter's end);
 * the tuned one writes only what changed, once.
 */
class SessionStoreCostIntegrationTests {

	static final int TIMES = 20;

	static final String ITEM = "{\"name\":\"lamp\",\"price\":12.5}";

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static final RedisCommandStats stats = new RedisCommandStats(redis);

	/** Per operation: the mean calls per request of each Redis command. */
	record Costs(String store, Map<String, Map<String, Double>> byOperation) {

		double total(String operation) {
			return this.byOperation.get(operation).values().stream().mapToDouble(Double::doubleValue).sum();
		}

		Map<String, Double> of(String operation) {
			return this.byOperation.get(operation);
		}

		String table() {
			StringBuilder out = new StringBuilder("Redis commands per request, store=" + this.store + "\n");
			this.byOperation.forEach((operation, commands) -> out
				.append("  %-12s %5.2f  %s%n".formatted(operation, total(operation), commands)));
			return out.toString();
		}
	}

	static ConfigurableApplicationContext start(String store, String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--authbench.users.hash-cost=4",
				"--spring.data.redis.port=" + redis.port(), "--authbench.session.store=" + store,
				// Generous: a loaded machine may take longer than 500 ms for the first connection.
				"--spring.data.redis.connect-timeout=5s", "--spring.data.redis.timeout=5s"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(ClusteredSessionApplication.class).run(all.toArray(String[]::new));
	}

	static String url(ConfigurableApplicationContext app) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	static Costs measure(String store, String... args) {
		try (ConfigurableApplicationContext app = start(store, args)) {
			String url = url(app);
			warmUp(url);
			Map<String, Map<String, Double>> costs = new LinkedHashMap<>();
			costs.put("login", perRequest(clients(url, false), c -> ok(c.login("user0201", "changeit"))));
			ApiClient reader = clients(url, true).get(0);
			costs.put("GET /api/me", perRequest(List.of(reader), TIMES, c -> ok(c.get("/api/me"))));
			costs.put("GET /api/items", perRequest(List.of(reader), TIMES, c -> ok(c.get("/api/items"))));
			costs.put("POST /api/items", perRequest(List.of(reader), TIMES, c -> ok(c.post("/api/items", ITEM))));
			costs.put("logout", perRequest(clients(url, true), c -> ok(c.post("/api/auth/logout", null))));
			Costs result = new Costs(store + (args.length > 0 ? " " + String.join(" ", args) : ""), costs);
			System.out.println(result.table());
			return result;
		}
	}

	static void warmUp(String url) {
		ApiClient client = new ApiClient(url, CredentialKind.COOKIE);
		ok(client.login("user0200", "changeit"));
		ok(client.get("/api/me"));
		ok(client.post("/api/items", ITEM));
		ok(client.post("/api/auth/logout", null));
	}

	static List<ApiClient> clients(String url, boolean loggedIn) {
		return IntStream.range(0, TIMES).mapToObj(i -> {
			ApiClient client = new ApiClient(url, CredentialKind.COOKIE);
			if (loggedIn) {
				ok(client.login("user%04d".formatted(300 + i), "changeit"));
			}
			return client;
		}).toList();
	}

	static Answer ok(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
		return answer;
	}

	static Map<String, Double> perRequest(List<ApiClient> clients, Consumer<ApiClient> request) {
		return perRequest(clients, 1, request);
	}

	static Map<String, Double> perRequest(List<ApiClient> clients, int times, Consumer<ApiClient> request) {
		stats.reset();
		for (ApiClient client : clients) {
			for (int i = 0; i < times; i++) {
				request.accept(client);
			}
		}
		Map<String, Long> counts = stats.counts();
		int requests = clients.size() * times;
		Map<String, Double> mean = new TreeMap<>();
		counts.forEach((command, calls) -> mean.put(command, (double) calls / requests));
		return mean;
	}

	static Map<String, Double> commands(Object... commandAndCalls) {
		Map<String, Double> expected = new TreeMap<>();
		for (int i = 0; i < commandAndCalls.length; i += 2) {
			expected.put((String) commandAndCalls[i], ((Number) commandAndCalls[i + 1]).doubleValue());
		}
		return expected;
	}

	@Test
	void defaultStoreWritesOnEveryRequestAndCommitsTwiceWhenTheResponseIsFlushedEarly() {
		Costs costs = measure("default");

		Map<String, Double> read = commands("hgetall", 1, "exists", 1, "hmset", 1, "pexpireat", 1);
		assertThat(costs.of("login")).isEqualTo(commands("hmset", 1, "pexpireat", 1));
		assertThat(costs.of("GET /api/me")).isEqualTo(read);
		assertThat(costs.of("GET /api/items")).isEqualTo(read);
		assertThat(costs.of("POST /api/items")).as("a ResponseEntity answer is flushed before the filter ends")
			.isEqualTo(commands("hgetall", 2, "exists", 2, "hmset", 1, "pexpireat", 1));
		assertThat(costs.of("logout")).as("Spring MVC asks for the session id once more after logout")
			.isEqualTo(commands("hgetall", 2, "del", 1));
	}

	@Test
	void indexedStoreCostsMoreOnEveryOperation() {
		Costs costs = measure("indexed");

		assertThat(costs.total("login")).isGreaterThan(2.0);
		assertThat(costs.total("GET /api/me")).as("more than the default store's 4").isGreaterThan(4.0);
		assertThat(costs.total("POST /api/items")).isGreaterThanOrEqualTo(costs.total("GET /api/me"));
		assertThat(costs.total("logout")).isGreaterThan(costs.total("GET /api/me"));
	}

	@Test
	void tunedStoreReadsOnceAndWritesOnlyWhatChanged() {
		Costs costs = measure("tuned");

		Map<String, Double> read = commands("hgetall", 1);
		assertThat(costs.of("login")).isEqualTo(commands("hmset", 1, "pexpireat", 1));
		assertThat(costs.of("GET /api/me")).isEqualTo(read);
		assertThat(costs.of("GET /api/items")).isEqualTo(read);
		assertThat(costs.of("POST /api/items")).isEqualTo(read);
		assertThat(costs.of("logout")).isEqualTo(commands("hgetall", 1, "del", 1));
	}

	@Test
	void tunedStoreWithoutTouchIntervalWritesTheLastAccessTimeOncePerRequest() {
		Costs costs = measure("tuned", "--authbench.session.touch-interval=0s");

		Map<String, Double> touched = commands("hgetall", 1, "exists", 1, "hmset", 1, "pexpireat", 1);
		assertThat(costs.of("GET /api/me")).isEqualTo(touched);
		assertThat(costs.of("POST /api/items")).as("one commit, even when the answer is flushed early")
			.isEqualTo(touched);
	}

	@Test
	void tunedStoreKeepsASessionAtLeastTheIdleTimeoutAndAtMostOneTouchIntervalLonger() {
		Duration timeout = Duration.ofMinutes(30);
		Duration touch = Duration.ofMinutes(5);
		try (ConfigurableApplicationContext app = start("tuned", "--spring.session.timeout=30m",
				"--authbench.session.touch-interval=5m")) {
			ApiClient client = new ApiClient(url(app), CredentialKind.COOKIE);
			ok(client.login("user0210", "changeit"));
			String key = "authbench:session:sessions:" + sessionId(client);
			long ttlAfterLogin = pttl(key);

			stats.reset();
			ok(client.get("/api/me"));
			ok(client.post("/api/items", ITEM));
			Map<String, Long> afterReads = stats.counts();
			long ttlAfterReads = pttl(key);

			assertThat(ttlAfterLogin).as("expiry = last stored access + timeout + touch interval")
				.isGreaterThan(timeout.toMillis())
				.isLessThanOrEqualTo(timeout.plus(touch).toMillis());
			assertThat(afterReads).as("within the touch interval nothing is written").containsOnlyKeys("hgetall");
			assertThat(ttlAfterReads).isLessThanOrEqualTo(ttlAfterLogin).isGreaterThan(timeout.toMillis());
		}
	}

	static String sessionId(ApiClient client) {
		String value = client.cookie().substring(client.cookie().indexOf('=') + 1);
		return new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
	}

	static long pttl(String key) {
		String reply = redis.command("PTTL", key);
		assertThat(reply).startsWith(":");
		return Long.parseLong(reply.substring(1).strip());
	}
}
