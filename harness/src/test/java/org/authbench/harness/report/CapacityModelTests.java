package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;
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
				null, true, List.of(), List.of(target("clustered", 3000, 4.0), target("sticky", 10_000, null)), List.of(),
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

	private static TrialResult.Window window(String target, String phase, int round, long requests,
			Map<String, Double> cpu, Long redisCommands) {
		return new TrialResult.Window(target, phase, round, 0, 1.0, requests, 0, requests, 1, 2, 0.1, Map.of(), cpu,
				redisCommands, null);
	}

	private static TrialResult.Target target(String name, double capacity, Double commands) {
		MedianInterval measured = MedianInterval.of(List.of(capacity, capacity, capacity));
		return new TrialResult.Target(name, true, 4, 20, measured, null, null, 0, null, null, null, null, 0,
				commands == null ? null : MedianInterval.of(List.of(commands, commands, commands)));
	}
}
