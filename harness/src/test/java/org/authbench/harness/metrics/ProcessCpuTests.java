package org.authbench.harness.metrics;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTests {

	@Test
	void parsesUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
		String stat = "4242 (nginx: worker (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 1 0 99 0 0";

		assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1234 + 567);
	}

	@Test
	void thisJvmHasUsedCpuAndAGoneProcessCountsZero() {
		long self = ProcessHandle.current().pid();
		burn();

		Map<String, Double> sample = ProcessCpu.sample(Map.of("self", self, "gone", Long.MAX_VALUE - 1));

		assertThat(sample.get("self")).isPositive();
		assertThat(sample.get("gone")).isZero();
	}

	@Test
	void deltaIsTheDifferenceAndARestartedProcessCountsFromZero() {
		Map<String, Double> before = Map.of("app-1", 10.0, "app-2", 50.0);
		Map<String, Double> after = Map.of("app-1", 12.5, "app-2", 3.0);

		Map<String, Double> delta = ProcessCpu.delta(before, after);

		assertThat(delta).containsEntry("app-1", 2.5).containsEntry("app-2", 3.0);
	}

	@Test
	void aWindowOfTheSameProcessesIsTheScaledDifference() {
		ProcessCpu.Window window = ProcessCpu.between(Map.of("app-1", 10L, "nginx", 11L),
				Map.of("app-1", 10.0, "nginx", 1.0), Map.of("app-1", 10L, "nginx", 11L), Map.of("app-1", 12.0, "nginx", 1.5),
				1.1);

		assertThat(window.seconds()).containsEntry("app-1", 2.2).containsEntry("nginx", 0.55);
		assertThat(window.warnings()).isEmpty();
	}

	@Test
	void aProcessRestartedInTheWindowCountsFromItsRestartAndTheWindowSaysSo() {
		ProcessCpu.Window window = ProcessCpu.between(Map.of("app-1", 10L, "app-2", 20L),
				Map.of("app-1", 10.0, "app-2", 50.0), Map.of("app-1", 10L, "app-2", 21L), Map.of("app-1", 12.0, "app-2", 3.0),
				1.1);

		assertThat(window.seconds()).containsEntry("app-2", 3.0);
		assertThat(window.warnings()).singleElement()
			.asString()
			.startsWith("app-2 restarted during the measurement window (pid 20 → 21)");
	}

	@Test
	void aProcessStartedInTheWindowCountsWhollyWithoutWarning() {
		ProcessCpu.Window window = ProcessCpu.between(Map.of("app-1", 10L), Map.of("app-1", 10.0),
				Map.of("app-1", 10L, "redis", 30L), Map.of("app-1", 11.0, "redis", 0.25), 1.0);

		assertThat(window.seconds()).containsEntry("redis", 0.25);
		assertThat(window.warnings()).isEmpty();
	}

	@Test
	void aProcessStoppedInTheWindowIsLeftOutWithAWarning() {
		ProcessCpu.Window window = ProcessCpu.between(Map.of("app-1", 10L, "app-2", 20L),
				Map.of("app-1", 10.0, "app-2", 50.0), Map.of("app-1", 10L), Map.of("app-1", 12.0), 1.0);

		assertThat(window.seconds()).containsOnlyKeys("app-1");
		assertThat(window.warnings()).singleElement().asString().startsWith("app-2 stopped during the measurement window");
	}

	@Test
	void lessCpuThanBeforeUnderTheSamePidIsNeverANegativeFigure() {
		// the process is gone but still named (it reads 0), or a process of its tree ended
		ProcessCpu.Window window = ProcessCpu.between(Map.of("app-2", 20L), Map.of("app-2", 50.0), Map.of("app-2", 20L),
				Map.of("app-2", 0.0), 1.0);

		assertThat(window.seconds()).isEmpty();
		assertThat(window.warnings()).singleElement().asString().contains("CPU time went back");
	}

	private static void burn() {
		long end = System.nanoTime() + 200_000_000L;
		double x = 0;
		while (System.nanoTime() < end) {
			x += Math.sqrt(x + 1);
		}
		assertThat(x).isPositive();
	}
}
