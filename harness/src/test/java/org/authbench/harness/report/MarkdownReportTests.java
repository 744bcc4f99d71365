package org.authbench.harness.report;

import java.util.List;

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
	void aSummaryWrittenBeforeTheToleranceWasRecordedReadsAsFivePercent() {
		assertThat(MarkdownReport.trialMethod(trial(null))).contains("agreed within 5% with the three before");
	}

	@Test
	void theMethodParagraphGivesTheCompilersShareThatEndedSettlingAndOnePercentForOlderSummaries() {
		assertThat(MarkdownReport.trialMethod(trial(0.05, 0.03))).contains("JIT compilers were idle (at most 3% of its CPU)");
		assertThat(MarkdownReport.trialMethod(trial(0.05, null))).contains("JIT compilers were idle (at most 1% of its CPU)");
	}

	private static Comparison.Trial trial(Double tolerance) {
		return trial(tolerance, 0.03);
	}

	private static Comparison.Trial trial(Double tolerance, Double compilerQuiet) {
		return new Comparison.Trial("baseline", 1500, 3, 6, "1", "0", List.of(), List.of(), List.of(), tolerance,
				compilerQuiet);
	}
}
