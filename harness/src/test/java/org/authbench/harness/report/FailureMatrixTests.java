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
		Comparison demo = HtmlReportTests.newestDemo(Map.of());
		Comparison quick = withSettings(demo, "-XX:TieredStopAtLevel=1");
		Comparison before = withSettings(demo, null);

		assertThat(FailureMatrix.legend(quick)).startsWith(FailureMatrix.LEGEND)
			.contains("C1 only (-XX:TieredStopAtLevel=1)");
		assertThat(FailureMatrix.legend(before)).isEqualTo(FailureMatrix.LEGEND);
		assertThat(MarkdownReport.render(quick)).contains("C1 only (-XX:TieredStopAtLevel=1)");
		assertThat(HtmlReport.render(quick)).contains("C1 only (-XX:TieredStopAtLevel=1)");
	}

	@Test
	void theLegendSaysWhenOnlyTheDrillsLoadGeneratorCompiledWithC1() throws java.io.IOException {
		Comparison onTrialStacks = withSettings(HtmlReportTests.newestDemo(Map.of()), "drillGeneratorJit",
				"-XX:TieredStopAtLevel=1");

		assertThat(FailureMatrix.legend(onTrialStacks)).startsWith(FailureMatrix.LEGEND)
			.contains("trial's warm stacks")
			.contains("generator (Gatling) compiled with C1 only (-XX:TieredStopAtLevel=1)")
			.doesNotContain("fresh stacks");
	}

	/** The comparison with its settings' {@code drillJit} set, or left out when null. */
	private static Comparison withSettings(Comparison c, String drillJit) {
		return withSettings(c, "drillJit", drillJit);
	}

	/** The comparison with neither JIT setting but {@code key} = {@code value} (none when null). */
	private static Comparison withSettings(Comparison c, String key, String value) {
		java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(c.settings());
		settings.remove("drillJit");
		settings.remove("drillGeneratorJit");
		if (value != null) {
			settings.put(key, value);
		}
		return new Comparison(c.schema(), c.name(), c.createdAt(), settings, c.machine(), c.valid(), c.warnings(),
				c.rows(), c.runs(), c.timelines(), c.contextSizes(), c.revocations(), c.trial());
	}
}
