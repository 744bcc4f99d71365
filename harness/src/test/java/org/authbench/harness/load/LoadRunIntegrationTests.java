package org.authbench.harness.load;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.authbench.harness.RunsAlone;
import org.authbench.harness.metrics.AccessLog;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.TestStacks;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One short real run per kind of credential: a real stack, Gatling in its own JVM, the whole result
 * folder. Figures are checked for presence and consistency, never for speed.
 */
@RunsAlone
class LoadRunIntegrationTests {

	/** A cookie with its session in Redis, and a bearer token: the simulation's two ways to authenticate. */
	@ParameterizedTest
	@ValueSource(strings = { "clustered", "jwt" })
	void aShortThroughputRunWritesEveryFigureAndBothSourcesAgree(Variant variant) throws Exception {
		StackSpec stack = TestStacks.spec(variant, 1).build();
		Path results = TestStacks.tempDir();
		LoadSpec spec = new LoadSpec(stack, Scenario.THROUGHPUT, List.of(4, 8), Duration.ofSeconds(4), 50,
				Duration.ofSeconds(2), Duration.ofSeconds(4), "me=40,items=40,write=20", 1, results, "it-" + variant.id(),
				null);

		Path dir = new LoadRun(new PrintWriter(System.out, true), TestStacks.home()).run(spec);

		JsonNode summary = JsonMapper.builder().build().readTree(dir.resolve("summary.json").toFile());
		JsonNode run = summary.get("repeats").get(0);
		assertThat(summary.get("schema").asString()).isEqualTo(Summary.SCHEMA);
		assertThat(run.get("requests").get("total").asLong()).isPositive();
		assertThat(run.get("requests").get("ok").asLong()).isEqualTo(run.get("requests").get("total").asLong());
		assertThat(run.get("throughput").asDouble()).isPositive();
		for (String percentile : List.of("p50", "p90", "p99", "p999", "max")) {
			assertThat(run.get("latency").get(percentile).asDouble()).as(percentile).isPositive();
		}
		assertThat(run.get("steps")).hasSize(2);
		assertThat(run.get("cpu").get("microsPerRequest").get("app-1").asDouble()).isPositive();
		assertThat(run.get("cpu").get("microsPerRequest").get("nginx").asDouble()).isPositive();
		assertThat(run.get("cpu").get("loadGeneratorShare").asDouble()).isPositive();
		assertThat(run.get("bytes").get("sentPerRequest").asDouble()).isPositive();
		// Both count the requests the simulation sent in the window, by the send stamp nginx logs.
		assertThat(run.get("sources").get("nginx").asLong()).as("nginx's count of the simulation's requests")
			.isEqualTo(run.get("sources").get("simulation").asLong());
		assertThat(run.get("sources").get("agree").asBoolean()).isTrue();
		assertThat(AccessLog.read(dir.resolve("logs").resolve("access.json")).entries())
			.anyMatch(entry -> entry.sentMillis() != null);
		if (variant == Variant.parse("clustered")) {
			assertThat(run.get("redis").get("perRequest").asDouble()).as("Redis commands per request").isGreaterThan(1);
		}
		assertThat(run.has("valid")).isTrue();
		assertThat(dir.resolve("env.json")).exists();
		assertThat(dir.resolve("logs").resolve("access.json")).exists();
		assertThat(dir.resolve("logs").resolve("app-1.log")).exists();
		try (var reports = Files.list(dir.resolve("gatling"))) {
			assertThat(reports.anyMatch(report -> Files.exists(report.resolve("index.html")))).isTrue();
		}
	}
}
