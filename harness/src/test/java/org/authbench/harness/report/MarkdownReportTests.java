package org.authbench.harness.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.authbench.harness.trial.Arrivals;
import org.authbench.harness.trial.TrialResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTests {

	@Test
	void theMethodParagraphGivesTheTrialsWarmupTolerance() {
		assertThat(MarkdownReport.trialMethod(trial(0.10))).contains("agreed within 10% with the three before",
				"in 6 rounds", "3 s of closed load", "fixed 1,500 requests/s", "wrk) on CPU 1, the systems on CPU 0");
		assertThat(MarkdownReport.trialMethod(trial(0.05))).contains("agreed within 5% with the three before");
	}

	@Test
	void theMethodParagraphSaysHowThePacedRequestsArrivedAndFixedWaitsForOlderSummaries() {
		Comparison.Trial fixed = trial(0.10);
		Comparison.Trial poisson = new Comparison.Trial("baseline", 1500, 3, 6, "1", "0", List.of(), List.of(), List.of(),
				0.10, 0.03, null, Arrivals.POISSON);
		Comparison.Trial older = new Comparison.Trial("baseline", 1500, 3, 6, "1", "0", List.of(), List.of(), List.of(),
				0.10, 0.03, null, null);

		assertThat(MarkdownReport.trialMethod(fixed)).contains("stayed in step, so requests arrived in small bursts")
			.doesNotContain("exponentially");
		assertThat(MarkdownReport.trialMethod(poisson)).contains("waited an exponentially distributed time")
			.doesNotContain("bursts");
		assertThat(older.arrivals()).isEqualTo(Arrivals.FIXED);
	}

	@Test
	void aSummaryWrittenBeforeTheToleranceWasRecordedReadsAsFivePercent() {
		assertThat(MarkdownReport.trialMethod(trial(null))).contains("agreed within 5% with the three before");
	}

	@Test
	void theMethodParagraphGivesTheCompilersShareThatEndedSettlingAndOnePercentForOlderSummaries() {
		assertThat(MarkdownReport.trialMethod(trial(0.05, 0.03))).contains("JIT compilers were idle (at most 3% of its CPU)");
		assertThat(MarkdownReport.trialMethod(trial(0.05, null))).contains("JIT compilers were idle (at most 1% of its CPU)");
	}

	@Test
	void theMethodSaysWhichRoundsRanOnASlowCpuAndWhetherTheFiguresLeaveThemOut() {
		assertThat(MarkdownReport.trialMethod(trial(null, 0.02))).doesNotContain("speed probe");
		assertThat(MarkdownReport.cpuSpeed(new TrialResult.CpuSpeed("0", 2.4, 1.25, Map.of(), List.of(1, 2, 3, 4, 5, 6))))
			.contains("on CPU 0 before and after every window: no round ran slow (more than 1.25×");
		assertThat(MarkdownReport.cpuSpeed(new TrialResult.CpuSpeed("0", 2.4, 1.25, new TreeMap<>(Map.of(2, 1.6, 5, 1.4)),
				List.of(1, 3, 4, 6, 7, 8))))
			.contains("rounds 2, 5 ran slow (up to 1.60× its fast level")
			.contains("the figures are from the other rounds (6)");
		assertThat(MarkdownReport.cpuSpeed(new TrialResult.CpuSpeed("0", 2.4, 1.25, Map.of(1, 1.7), List.of(1, 2, 3))))
			.contains("round 1 ran slow")
			.contains("the figures are from every round, and the comparison is not valid")
			.doesNotContain("waited");
		assertThat(MarkdownReport.cpuSpeed(new TrialResult.CpuSpeed("0", 2.4, 1.25, Map.of(), List.of(1, 2, 3, 4, 5, 6), 37.0,
				0)))
			.contains("no round ran slow")
			.contains("The trial waited 37 s in all, before windows whose probe read slow, for the CPU to run fast again.")
			.doesNotContain("set aside");
		assertThat(MarkdownReport.cpuSpeed(new TrialResult.CpuSpeed("0", 2.4, 1.25, Map.of(), List.of(1, 2, 3, 4, 5, 6), 0,
				3)))
			.endsWith("no round ran slow (more than 1.25× its fast level). 3 measured windows whose own probes read slow"
					+ " were set aside and measured again; the figures leave them out.");
		assertThat(MarkdownReport.cpuSpeed(new TrialResult.CpuSpeed("0", 2.4, 1.25, Map.of(), List.of(1, 2, 3, 4, 5, 6), 0,
				1)))
			.contains("1 measured window whose own probes read slow was set aside and measured again; the figures leave it out.");
	}

	private static Comparison.Trial trial(Double tolerance) {
		return trial(tolerance, 0.03);
	}

	private static Comparison.Trial trial(Double tolerance, Double compilerQuiet) {
		return new Comparison.Trial("baseline", 1500, 3, 6, "1", "0", List.of(), List.of(), List.of(), tolerance,
				compilerQuiet);
	}
}
