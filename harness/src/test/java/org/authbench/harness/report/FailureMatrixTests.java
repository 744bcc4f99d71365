package org.authbench.harness.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a fault's cell is graded: a logout a Redis fault undid is a security finding, whatever else went well. */
class FailureMatrixTests {

	@Test
	void aLogoutUndoneByARedisFaultIsSevereEvenWhenNobodyWasLoggedOut() {
		Comparison.Incident kept = new Comparison.Incident(0, null, 0.0, 300, 6500L, 30L, null, null, 5.0, 600.0, 0L);
		Comparison.Incident undone = new Comparison.Incident(0, null, 0.0, 300, 6500L, 30L, null, null, 5.0, 600.0, 3L);
		Comparison.Incident notProbed = new Comparison.Incident(0, null, 0.0, 300, 6500L, 30L, null, null, 5.0, 600.0);

		assertThat(FailureMatrix.severity(kept)).isEqualTo(FailureMatrix.Severity.MAJOR);
		assertThat(FailureMatrix.severity(undone)).isEqualTo(FailureMatrix.Severity.SEVERE);
		assertThat(FailureMatrix.severity(notProbed)).isEqualTo(FailureMatrix.severity(kept));
		assertThat(FailureMatrix.COLUMNS).extracting(FailureMatrix.Column::scenario)
			.contains("redis-outage", "redis-failover", "redis-primary-freeze");
	}

	@Test
	void theLegendSaysWhenTheDrillsJvmsCompiledWithC1Only() throws java.io.IOException {
		Comparison quick = HtmlReportTests.newestDemo(Map.of("\"quick\" : true,",
				"\"quick\" : true, \"drillJit\" : \"-XX:TieredStopAtLevel=1\","));
		java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(quick.settings());
		settings.remove("drillJit");
		Comparison before = new Comparison(quick.schema(), quick.name(), quick.createdAt(), settings, quick.machine(),
				quick.valid(), quick.warnings(), quick.rows(), quick.runs(), quick.timelines(), quick.contextSizes(),
				quick.revocations(), quick.trial());

		assertThat(FailureMatrix.legend(quick)).startsWith(FailureMatrix.LEGEND)
			.contains("C1 only (-XX:TieredStopAtLevel=1)");
		assertThat(FailureMatrix.legend(before)).isEqualTo(FailureMatrix.LEGEND);
		assertThat(MarkdownReport.render(quick)).contains("C1 only (-XX:TieredStopAtLevel=1)");
		assertThat(HtmlReport.render(quick)).contains("C1 only (-XX:TieredStopAtLevel=1)");
	}
}
