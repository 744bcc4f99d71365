package org.authbench.harness.compare;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.authbench.harness.RunsAlone;
import org.authbench.harness.docker.DockerEngine;
import org.authbench.harness.report.Comparison;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.TestStacks;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.trial.TrialResult;
import org.authbench.harness.trial.TrialTuning;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compare --runtime docker} (container tier): a short comparison of two configurations,
 * each a stack of containers, through the interleaved trial (wrk from the host on each stack's
 * published nginx port, CPU from the containers' cgroups through the Docker API, the containers
 * kept off the generator's CPU by their cpuset) and a failover drill on sticky's warm stack from
 * the trial, whose nginx logs again after it (a quick comparison drills only the configurations
 * with a credential), and which loses the killed container's sessions as the native drill does. Its figures are not judged: the windows are far too
 * short and the machine is shared. Its warm-up is bounded by {@code compare --warmup-windows}, and
 * the summary records the bound.
 */
@RunsAlone
@ExtendWith(DockerEngine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerCompareIntegrationTests {

	/**
	 * The trial's warm-up bound: its figures are not judged, and on a slow stretch the quick
	 * bound (45) let the two configurations warm up in turns for 13 windows each, 52 s of the
	 * suite's 170 s for this class (2026-12-06).
	 */
	static final int WARMUP_WINDOWS = 8;

	Path dir;

	JsonNode summary;

	@BeforeAll
	void compare() throws Exception {
		Map<Variant, StackSpec> stacks = new LinkedHashMap<>();
		ComparisonRun.Spec spec = new ComparisonRun.Spec(List.of(Setup.parse("baseline"), Setup.parse("sticky")),
				List.of(Study.THROUGHPUT, Study.parse("failover")),
				variant -> stacks.computeIfAbsent(variant, v -> TestStacks.spec(v, 2).build()), true, 1, 100, List.of(0),
				Files.createTempDirectory("authbench-docker-compare-"), "docker-compare", null, false, false,
				new TrialTuning(1, null, WARMUP_WINDOWS, Duration.ZERO));
		this.dir = new ComparisonRun(new PrintWriter(System.out, true), TestStacks.home(), "docker").run(spec);
		this.summary = JsonMapper.builder().build().readTree(this.dir.resolve("summary.json").toFile());
	}

	@Test
	void theSummaryHasARowPerConfigurationWithCapacityAndCpuPerRequestFromTheContainers() {
		List<JsonNode> rows = new ArrayList<>();
		this.summary.get("rows").forEach(rows::add);

		assertThat(rows).extracting(row -> row.get("variant").asString()).containsExactly("baseline", "sticky");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("capacity").get("median").asDouble()).as(row.get("variant") + " capacity").isPositive();
			assertThat(row.get("cpuMicrosPerRequest").get("median").asDouble()).as(row.get("variant") + " CPU µs/request")
				.isPositive();
		});
		// A quick comparison drills only the configurations with a credential.
		assertThat(rows.get(0).get("failover").isNull()).as("the baseline's failover drill").isTrue();
		// docker kill (SIGKILL) of one of sticky's two containers loses its share, as natively
		// (DrillIntegrationTests): each user's next request there is a 401 through the other one.
		JsonNode failover = rows.get(1).get("failover");
		assertThat(failover.get("sessionsAliveOnTarget").asLong()).as("sessions on the killed container").isPositive();
		assertThat(failover.get("lostShare").asDouble()).as("the killed container's share of all sessions")
			.isBetween(0.25, 0.75);
		assertThat(failover.get("failoverLoss").asDouble()).as("lost ÷ alive on the killed container").isGreaterThan(0.8);
	}

	@Test
	void theTrialCountedEachContainersCpuAndKeptThemOffTheGeneratorsCpu() throws Exception {
		Path trial = this.dir.resolve("runs").resolve(Comparison.RunRef.TRIAL);
		TrialResult result = TrialResult.read(trial.resolve("trial.json"));

		assertThat(result.windows()).filteredOn(window -> window.round() > 0).isNotEmpty().allSatisfy(window -> {
			assertThat(window.processCpuSeconds()).as(window.target() + " round " + window.round())
				.containsOnlyKeys("nginx", "app-1", "app-2");
			assertThat(window.processCpuSeconds().get("nginx")).isPositive();
			assertThat(window.systemCpuSeconds()).containsOnlyKeys("baseline", "sticky");
		});
		if (Runtime.getRuntime().availableProcessors() >= 2) {
			assertThat(result.pinning().generatorCpus()).isNotEqualTo("any");
		}
		assertThat(JsonMapper.builder().build().readTree(trial.resolve("env.json").toFile()).get("runtime").asString())
			.isEqualTo("docker");
		assertThat(result.settings().maxWarmupWindows()).as("--warmup-windows").isEqualTo(WARMUP_WINDOWS);
		assertThat(this.summary.get("settings").get("warmupWindows").asInt()).isEqualTo(WARMUP_WINDOWS);
		assertThat(result.windows()).filteredOn(window -> TrialResult.Window.WARMUP.equals(window.phase()))
			.hasSizeLessThanOrEqualTo(2 * WARMUP_WINDOWS);
	}

	@Test
	void theDrillsAfterTheTrialRanOnItsWarmContainersWithTheAccessLogOnAgain() throws Exception {
		Path env = this.dir.resolve("runs").resolve("sticky-failover").resolve("env.json");
		Path accessLog = this.dir.resolve("logs").resolve("sticky").resolve("access.json");

		assertThat(JsonMapper.builder().build().readTree(env.toFile()).get("runtime").asString()).isEqualTo("docker");
		assertThat(accessLog).as("nginx logged the drill's requests").exists();
		assertThat(Files.size(accessLog)).isPositive();
	}
}
