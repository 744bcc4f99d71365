package org.authbench.harness.compare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.report.Comparison;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code compare} turns its options into runs, without running them. */
class ComparisonRunTests {

	static final Path HOME = Path.of("/opt/authbench");

	private static ComparisonRun.Spec spec(List<String> scenarios, List<Integer> sizes) {
		return spec(scenarios, sizes, true);
	}

	private static ComparisonRun.Spec spec(List<String> scenarios, List<Integer> sizes, boolean quick) {
		return new ComparisonRun.Spec(List.of(Setup.parse("baseline"), Setup.parse("sticky"), Setup.parse("clustered"), Setup.parse("jwt-none")),
				scenarios.stream().map(Study::parse).toList(),
				variant -> StackSpec.builder(variant, HOME).build(), quick, 1, 300, sizes, HOME.resolve("results"), "t", null,
				false, false, null);
	}

	/** The names of the studies that apply to a setup. */
	private static List<String> studies(ComparisonRun.Spec spec, Setup setup) {
		return ComparisonRun.studies(spec, setup).stream().map(Study::id).toList();
	}

	@Test
	void theQuickComparisonRunsNoDrillOnTheBaselineWhoseUsersHaveNothingToLose() {
		List<String> scenarios = List.of("throughput", "failover", "revocation");

		assertThat(studies(spec(scenarios, List.of(0), true), Setup.parse("baseline"))).containsExactly("throughput");
		assertThat(studies(spec(scenarios, List.of(0), true), Setup.parse("sticky"))).isEqualTo(scenarios);
		assertThat(studies(spec(scenarios, List.of(0), false), Setup.parse("baseline"))).isEqualTo(scenarios);
	}

	@Test
	void onOneStackTheDrillsThatRestartAnAppRunLastSoTheOthersFindWarmJvms() {
		ComparisonRun.Spec spec = spec(List.of("throughput", "failover", "redis-outage", "revocation", "freeze",
				"rolling-restart"), List.of(0));

		assertThat(ComparisonRun.onOneStack(ComparisonRun.studies(spec, Setup.parse("clustered")))
			.stream()
			.map(planned -> planned.study().id())).containsExactly("redis-outage", "revocation", "freeze", "failover",
					"rolling-restart");
	}

	@Test
	void redisDrillsSkipVariantsWithoutRedisAndContextSizeSkipsTheBaseline() {
		ComparisonRun.Spec spec = spec(List.of("throughput", "redis-outage", "context-size"), List.of(0, 4096));

		assertThat(studies(spec, Setup.parse("baseline"))).containsExactly("throughput");
		assertThat(studies(spec, Setup.parse("sticky"))).containsExactly("throughput", "context-size");
		assertThat(studies(spec, Setup.parse("clustered"))).containsExactly("throughput", "redis-outage",
				"context-size");
	}

	@Test
	void aSetupThatDiffersOnlyInObservabilityIsMeasuredInTheTrialAlone() {
		ComparisonRun.Spec spec = spec(List.of("throughput", "failover", "revocation"), List.of(0));

		assertThat(studies(spec, Setup.parse("sticky-boot-default"))).containsExactly("throughput");
		assertThat(studies(spec, Setup.parse("sticky"))).containsExactly("throughput", "failover", "revocation");
		assertThat(Setup.parse("sticky-boot-default").observabilityOf()).contains(Setup.parse("sticky"));
		assertThat(Setup.parse("baseline-boot-default").observabilityOf()).contains(Setup.parse("baseline"));
		assertThat(Setup.parse("jwt-none").observabilityOf()).isEmpty();
	}

	@Test
	void aContextSizeRunIsTheThroughputLadderOnAStackWithThatMuchPadding() {
		ComparisonRun.Spec spec = spec(List.of("context-size"), List.of(0, 4096));
		StackSpec jwt = ComparisonRun.withContext(Setup.parse("jwt-none").apply(StackSpec.builder(Variant.parse("jwt"), HOME).build()), 4096);

		LoadSpec load = ComparisonRun.loadSpec(spec, jwt, "jwt-none", ComparisonRun.Planned.contextSize(4096), HOME);

		assertThat(load.scenario()).isEqualTo(Scenario.THROUGHPUT);
		assertThat(load.name()).isEqualTo("jwt-none-context-size-4096");
		assertThat(load.stack().appEnv()).containsEntry("AUTHBENCH_AUTH_CONTEXT_BYTES", "4096")
			.containsEntry("AUTHBENCH_JWT_REVOCATION", "none")
			.containsKey("AUTHBENCH_JWT_MAX_TOKEN_BYTES");
		assertThat(ComparisonRun.withContext(StackSpec.builder(Variant.parse("clustered"), HOME).build(), 1024).appEnv())
			.containsOnlyKeys("AUTHBENCH_AUTH_CONTEXT_BYTES");
		assertThat(Comparison.RunRef.contextBytes(ComparisonRun.Planned.contextSize(4096).scenario())).contains(4096);
		assertThat(Comparison.RunRef.contextBytes("throughput")).isEmpty();
	}

	@Test
	void aDrillRunsItsPresetUnderSteadyLoadAtTheDrillRate() {
		ComparisonRun.Spec spec = spec(List.of("failover", "latency"), List.of(0), false);
		StackSpec sticky = StackSpec.builder(Variant.parse("sticky"), HOME).build();

		LoadSpec failover = ComparisonRun.loadSpec(spec, sticky, "sticky", ComparisonRun.Planned.of(Study.parse("failover")), HOME);
		LoadSpec latency = ComparisonRun.loadSpec(spec, sticky, "sticky", ComparisonRun.Planned.of(Study.parse("latency")), HOME);

		assertThat(failover.scenario()).isEqualTo(Scenario.STEADY);
		assertThat(failover.name()).isEqualTo("sticky-failover");
		assertThat(failover.drill().name()).isEqualTo("failover");
		assertThat(failover.ladder()).containsExactly(300);
		assertThat(latency.scenario()).isEqualTo(Scenario.LATENCY);
		assertThat(latency.ladder()).containsExactly(300, 600);
		assertThat(latency.drill()).isNull();
	}

	@Test
	void aQuickDrillKillsAtTwoSecondsAndItsLoadGeneratorCompilesWithC1Only() {
		StackSpec clustered = StackSpec.builder(Variant.parse("clustered"), HOME).instances(2).build();
		ComparisonRun.Spec quick = spec(List.of("throughput", "failover", "redis-outage"), List.of(0), true);
		ComparisonRun.Spec full = spec(List.of("throughput", "failover", "redis-outage"), List.of(0), false);

		LoadSpec failover = ComparisonRun.loadSpec(quick, clustered, "clustered",
				ComparisonRun.Planned.of(Study.parse("failover")), HOME);
		LoadSpec outage = ComparisonRun.loadSpec(quick, clustered, "clustered",
				ComparisonRun.Planned.of(Study.parse("redis-outage")), HOME);
		LoadSpec fullFailover = ComparisonRun.loadSpec(full, clustered, "clustered",
				ComparisonRun.Planned.of(Study.parse("failover")), HOME);

		assertThat(failover.drill().describe()).isEqualTo("kill app-2@2s, start app-2@5s");
		assertThat(failover.duration()).isEqualTo(Duration.ofSeconds(13));
		assertThat(outage.drill().describe()).isEqualTo("kill redis@2s, start redis@5s");
		assertThat(failover.generatorOptions()).containsExactly("-XX:TieredStopAtLevel=1");
		assertThat(failover.describe()).containsEntry("loadGeneratorJvmOptions", List.of("-XX:TieredStopAtLevel=1"));
		assertThat(fullFailover.drill().describe()).isEqualTo("kill app-2@15s, start app-2@35s");
		assertThat(fullFailover.generatorOptions()).isEmpty();
		assertThat(fullFailover.describe()).doesNotContainKey("loadGeneratorJvmOptions");
	}

	@Test
	void aQuickComparisonsFreshDrillStacksCompileWithC1OnlyAndNothingElseDoes() {
		StackSpec sticky = StackSpec.builder(Variant.parse("sticky"), HOME).heap("512m").build();
		ComparisonRun.Spec quick = spec(List.of("throughput", "failover"), List.of(0), true);
		ComparisonRun.Spec full = spec(List.of("throughput", "failover"), List.of(0), false);

		assertThat(ComparisonRun.drillStack(quick, sticky).launchOptions()).containsExactly("-Xms512m", "-Xmx512m",
				"-XX:TieredStopAtLevel=1");
		assertThat(ComparisonRun.drillStack(full, sticky).launchOptions()).containsExactly("-Xms512m", "-Xmx512m");
	}

	@Test
	void theDrillsStartStacksOfTheirOwnWithoutATrialOrWithAnotherInstanceCountThanIts() {
		List<Setup> setups = List.of(Setup.parse("baseline"), Setup.parse("sticky"));
		java.util.function.BiFunction<List<String>, Integer, ComparisonRun.Spec> spec = (scenarios,
				trialInstances) -> new ComparisonRun.Spec(setups, scenarios.stream().map(Study::parse).toList(),
						variant -> StackSpec.builder(variant, HOME).instances(2).build(), true, 1, 300, List.of(),
						HOME.resolve("results"), "t", trialInstances, false, false, null);

		assertThat(ComparisonRun.drillsOnFreshStacks(spec.apply(List.of("throughput", "failover"), 1))).isTrue();
		assertThat(ComparisonRun.drillsOnFreshStacks(spec.apply(List.of("failover"), null))).isTrue();
		assertThat(ComparisonRun.drillsOnFreshStacks(spec.apply(List.of("throughput", "failover"), null))).isFalse();
		assertThat(ComparisonRun.drillsOnFreshStacks(spec.apply(List.of("throughput", "failover"), 2))).isFalse();
		// What the report's legend reads: the whole drill stack on C1, or only the drills' load generator.
		assertThat(ComparisonRun.settings(spec.apply(List.of("throughput", "failover"), 1)))
			.containsEntry("drillJit", "-XX:TieredStopAtLevel=1")
			.doesNotContainKey("drillGeneratorJit");
		assertThat(ComparisonRun.settings(spec.apply(List.of("throughput", "failover"), null)))
			.containsEntry("drillGeneratorJit", "-XX:TieredStopAtLevel=1")
			.doesNotContainKey("drillJit");
		assertThat(ComparisonRun.settings(spec.apply(List.of("throughput"), null))).doesNotContainKeys("drillJit",
				"drillGeneratorJit");
	}

	@Test
	void contextSizesAreBounded() {
		assertThatThrownBy(() -> spec(List.of("context-size"), List.of(0, 65_536)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--context-sizes must be 0..8192");
		assertThatThrownBy(() -> spec(List.of("context-size"), List.of())).isInstanceOf(IllegalArgumentException.class);
	}
}
