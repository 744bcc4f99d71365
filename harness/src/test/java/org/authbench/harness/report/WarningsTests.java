package org.authbench.harness.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a warning means for the report's figures, as the reader is told beside it. */
class WarningsTests {

	@Test
	void aRestartInADrillTouchesOnlyThatRunsOwnCpuButInAThroughputRunItsCpuReadsLow() {
		String restarted = "repeat 1: app-2 restarted during the measurement window (pid 1 → 2): its CPU counts from its "
				+ "restart; what the old process used before it stopped is not in the figures";

		assertThat(Warnings.means("failover", restarted)).startsWith("Only this run's own CPU per request is touched");
		assertThat(Warnings.means(Comparison.RunRef.THROUGHPUT, restarted)).contains("reads low");
	}

	@Test
	void aLengthenedDrillWindowIsExplainedNotLeftUnknown() {
		String longer = "repeat 1: the window ran 3.9 s past its planned 15 s: a drill event was still running near its "
				+ "end, or done too near it for a recovery to show (docs/metrics.md)";

		assertThat(Warnings.means("failover", longer)).startsWith("The drill's window waited for its events")
			.doesNotContain("does not know");
	}

	@Test
	void anInvalidRunAndAnUnknownWarningSaySo() {
		assertThat(Warnings.means("failover", "INVALID: the simulation counted 10 requests, nginx 12"))
			.startsWith("The run is invalid");
		assertThat(Warnings.means("failover", "something new")).contains("does not know which figures");
	}
}
