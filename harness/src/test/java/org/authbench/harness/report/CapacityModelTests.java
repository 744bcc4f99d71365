package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.trial.ModelCheck;
import org.authbench.harness.trial.RedisCeiling;
import org.authbench.harness.trial.TrialResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The capacity model reads each process's CPU per request from the capacity windows and caps the app side by Redis. */
class CapacityModelTests {

	@Test
	void redisCapsADesignThatUsesItAndTheOthersScaleWithTheirCores() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 3; round++) {
			// 3,000 requests in a second: app 250 µs, nginx 80 µs, Redis 20 µs per request (4 commands), on one core.
			windows.add(window("clustered", "capacity", round, 3000,
					Map.of("app-1", 0.75, "nginx", 0.24, "redis", 0.06), 12_000L));
			windows.add(window("sticky", "capacity", round, 10_000, Map.of("app-1", 0.6, "nginx", 0.4), null));
			// Paced and warm-up windows are not the model's inputs.
			windows.add(window("clustered", "rate", round, 1500, Map.of("app-1", 9.0, "nginx", 9.0, "redis", 9.0), 6000L));
		}
		windows.add(window("clustered", "warmup", 0, 1000, Map.of("app-1", 9.0, "nginx", 9.0, "redis", 9.0), 4000L));
		TrialResult trial = new TrialResult(TrialResult.SCHEMA, null, "sticky", 1500, new TrialResult.Pinning("1", "0"),
				null, null, true, List.of(), List.of(target("clustered", 3000, 4.0), target("sticky", 10_000, null)), List.of(),
				windows);

		List<Comparison.Capacity> model = CapacityModel.of(trial);

		Comparison.Capacity clustered = model.get(0);
		assertThat(clustered.appMicros()).isEqualTo(250.0);
		assertThat(clustered.redisMicrosPerCommand()).isEqualTo(5.0);
		assertThat(clustered.appRequestsPerCore()).isEqualTo(4000.0);
		assertThat(clustered.redisCeiling()).isEqualTo(50_000.0);
		assertThat(clustered.appCoresAtCeiling()).isEqualTo(12.5);
		assertThat(clustered.coreUse()).isCloseTo(1.05, within(0.001));
		assertThat(CapacityModel.predicted(clustered, 8)).isEqualTo(32_000.0);
		assertThat(CapacityModel.predicted(clustered, 16)).isEqualTo(50_000.0);
		Comparison.Capacity sticky = model.get(1);
		assertThat(sticky.redisCeiling()).isNull();
		assertThat(sticky.nginxRequestsPerCore()).isEqualTo(25_000.0);
		assertThat(sticky.appRequestsPerCore()).isCloseTo(1e6 / 60, within(0.01));
		assertThat(CapacityModel.predicted(sticky, 64)).isEqualTo(64 * sticky.appRequestsPerCore());
	}

	@Test
	void theReplicaOfASentinelConfigurationCountsApartAndTheBusierRedisThreadSetsTheCeiling() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 3; round++) {
			// 1,000 requests: primary 20 µs, replica 25 µs (it applies the writes), Sentinels 5 µs per request.
			windows.add(window("clustered-ha", "capacity", round, 1000, Map.of("app-1", 0.25, "nginx", 0.08, "redis-1",
					0.02, "redis-2", 0.025, "sentinel-1", 0.005), 4000L));
		}
		TrialResult trial = new TrialResult(TrialResult.SCHEMA, null, "clustered-ha", 500, new TrialResult.Pinning("1", "0"),
				null, null, true, List.of(), List.of(target("clustered-ha", 1000, 4.0)), List.of(), windows);

		Comparison.Capacity ha = CapacityModel.of(trial).get(0);

		assertThat(ha.redisMicros()).isEqualTo(20.0);
		assertThat(ha.redisReplicaMicros()).isEqualTo(25.0);
		assertThat(ha.redisCeiling()).isEqualTo(40_000.0);
		assertThat(ha.redisMicrosPerCommand()).isEqualTo(5.0);
	}

	@Test
	void theTrialsRedisCpuByRoleWinsOverProcessNames() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 3; round++) {
			// redis-2 is the primary here: the trial's roles say so; 30 µs primary, 10 µs replica per request.
			windows.add(new TrialResult.Window("jwt-ha", "capacity", round, 0, 1.0, 1000, 0, 1000, 1, 2, 0.1, Map.of(),
					Map.of("app-1", 0.25, "nginx", 0.08, "redis-1", 0.01, "redis-2", 0.03), 1000L, null,
					Map.of("jwt-ha", Map.of("redis", 0.03, "replica", 0.01, "sentinels", 0.002)), 50_000L, null, null));
		}
		TrialResult trial = new TrialResult(TrialResult.SCHEMA, null, "jwt-ha", 500, new TrialResult.Pinning("1", "0"),
				null, null, true, List.of(), List.of(target("jwt-ha", 1000, 1.0)), List.of(), windows);

		Comparison.Capacity ha = CapacityModel.of(trial).get(0);

		assertThat(ha.redisMicros()).isEqualTo(30.0);
		assertThat(ha.redisReplicaMicros()).isEqualTo(10.0);
		assertThat(ha.redisCeiling()).isEqualTo(33_333.33);
	}

	@Test
	void predictionsAreCheckedAgainstTheMeasurementsMadeForThem() {
		// The model: 250 µs of app per request (4,000 req/s per core), Redis 20 µs per request in 4 commands
		// (ceiling 50,000 req/s).
		Comparison.Capacity clustered = new Comparison.Capacity("clustered", 250, 80, 20.0, 4.0, 5.0, 4000, 12_500,
				50_000.0, 12.5, 3000, 1.05, null);
		// Replayed at saturation: 240,000 commands/s = 60,000 requests/s at 4 commands each.
		RedisCeiling.Replay replay = RedisCeiling.figures(Map.of("hgetall", 100L, "hset", 100L), 8, 16, 4.0, 960_000, 3.9);
		ModelCheck check = new ModelCheck(List.of(new ModelCheck.RedisRun("clustered", 200, 50, 4.0, replay)),
				List.of(new ModelCheck.QuotaRun("clustered", 0.5, 5.0, 9000, 0, 1800.0,
						Map.of("app-1", 2.45, "nginx", 0.7, "redis", 0.1)),
						new ModelCheck.QuotaRun("clustered", 0.25, 5.0, 5000, 0, 1000.0,
								Map.of("app-1", 0.8, "nginx", 0.4, "redis", 0.1)),
						new ModelCheck.QuotaRun("sticky", 0.5, 5.0, 9000, 0, 1800.0, Map.of("app-1", 2.5))),
				List.of());

		List<Comparison.Validation> checks = CapacityModel.validate(List.of(clustered), check);

		assertThat(checks).hasSize(3);
		Comparison.Validation redis = checks.get(0);
		assertThat(redis.check()).isEqualTo("Redis ceiling");
		assertThat(redis.predicted()).isEqualTo(50_000.0);
		assertThat(redis.measured()).isEqualTo(60_000.0);
		assertThat(redis.errorPercent()).isEqualTo(-16.67);
		assertThat(redis.trusted()).isTrue();
		Comparison.Validation half = checks.get(1);
		assertThat(half.check()).isEqualTo("app under 0.50 core");
		assertThat(half.predicted()).isEqualTo(2000.0);
		assertThat(half.measured()).isEqualTo(1800.0);
		assertThat(half.errorPercent()).isEqualTo(11.11);
		assertThat(half.trusted()).as("the app used 0.49 of its 0.5 core").isTrue();
		assertThat(half.how()).contains("the app used 0.49 cores, 272.2 µs of app CPU per request (the trial's: 250.0)");
		Comparison.Validation quarter = checks.get(2);
		assertThat(quarter.predicted()).isEqualTo(1000.0);
		assertThat(quarter.errorPercent()).isEqualTo(0.0);
		assertThat(quarter.trusted()).as("the app used 0.16 of its 0.25 core: not the limit").isFalse();
		assertThat(CapacityModel.cells(quarter).get(5)).isEqualTo("0.0 (untrusted)");

		Comparison.Trial trial = new Comparison.Trial("baseline", 1500, 5, 10, "1", "0", List.of(), List.of(clustered),
				checks, 0.05, 0.03);
		assertThat(CapacityModel.validation(trial)).contains(
				"clustered, Redis ceiling: predicted 50,000 req/s, measured 60,000, error -16.7%",
				"clustered, app under 0.50 core: predicted 2,000 req/s, measured 1,800, error +11.1%");
	}

	@Test
	void bothReportsShowTheChecksWithTheirErrors() throws java.io.IOException {
		Comparison committed = CommittedResults.read("20261203-130620-demo");
		Comparison.Trial t = committed.trial();
		Comparison.Validation redis = new Comparison.Validation("clustered", "Redis ceiling", "replayed", 57_349.37,
				81_000, -29.2, true);
		Comparison.Validation app = new Comparison.Validation("clustered", "app under 0.50 core", "quota", 2014.14, 1890,
				6.57, false);
		Comparison checked = new Comparison(committed.schema(), committed.name(), committed.createdAt(),
				committed.settings(), committed.machine(), committed.valid(), committed.warnings(), committed.rows(),
				committed.runs(), committed.timelines(), committed.contextSizes(), committed.revocations(),
				new Comparison.Trial(t.reference(), t.rate(), t.windowSeconds(), t.rounds(), t.generatorCpus(),
						t.systemCpus(), t.pairs(), t.model(), List.of(redis, app), t.warmupTolerance(),
						t.compilerQuiet()));

		String html = HtmlReport.render(checked);
		String md = MarkdownReport.render(checked);

		assertThat(html).contains("<table id=\"capacity-validation\">", "<td class=\"num\">57,349</td>",
				"<td class=\"num\">81,000</td>", "<td class=\"num\">-29.2</td>", "+6.6 (untrusted)");
		assertThat(md).contains("| clustered | Redis ceiling | replayed | 57,349 | 81,000 | -29.2 |",
				"predicted 57,349 req/s, measured 81,000, error -29.2%");
		assertThat(MarkdownReport.render(committed)).as("a comparison without checks says so")
			.contains("Not checked in this comparison").doesNotContain("| how it was measured |");
	}

	private static TrialResult.Window window(String target, String phase, int round, long requests,
			Map<String, Double> cpu, Long redisCommands) {
		return new TrialResult.Window(target, phase, round, 0, 1.0, requests, 0, requests, 1, 2, 0.1, Map.of(), cpu,
				redisCommands, null, null, null, null, null);
	}

	private static TrialResult.Target target(String name, double capacity, Double commands) {
		MedianInterval measured = MedianInterval.of(List.of(capacity, capacity, capacity));
		return new TrialResult.Target(name, true, 4, 20, measured, null, null, 0, null, null, null, null, 0,
				commands == null ? null : MedianInterval.of(List.of(commands, commands, commands)), null, null, null, null,
				null);
	}
}
