package org.authbench.harness.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ResultDiffTests {

	static final Statistics SAME_A = Statistics.of(List.of(7000.0, 7100.0, 6950.0));

	static final Statistics SAME_B = Statistics.of(List.of(7050.0, 6980.0, 7120.0));

	static final Statistics FAR = Statistics.of(List.of(600.0, 590.0, 610.0));

	@Test
	void twoRunsOfTheSameConfigurationDoNotDifferSignificantly() {
		List<ResultDiff.Line> lines = ResultDiff.diff(Map.of("throughput", SAME_A), Map.of("throughput", SAME_B));

		assertThat(lines).singleElement()
			.extracting(ResultDiff.Line::verdict)
			.isEqualTo(ResultDiff.Verdict.NOT_SIGNIFICANT);
	}

	@Test
	void baselineAgainstClusteredDiffersSignificantly() {
		ResultDiff.Line line = ResultDiff.diff(Map.of("throughput", SAME_A), Map.of("throughput", FAR)).get(0);

		assertThat(line.verdict()).isEqualTo(ResultDiff.Verdict.SIGNIFICANT);
		assertThat(line.changePercent()).isEqualTo(-91.4);
		assertThat(ResultDiff.render(List.of(line))).contains("significant (95% intervals apart)").contains("-91.4%");
	}

	@Test
	void oneRepeatCannotBeJudgedAndAFigureOnOneSideIsSaidSo() {
		List<ResultDiff.Line> lines = ResultDiff.diff(Map.of("throughput", Statistics.of(List.of(7000.0))),
				Map.of("throughput", FAR, "redisCommandsPerRequest", Statistics.of(List.of(4.3, 4.3))));

		assertThat(lines).extracting(ResultDiff.Line::verdict)
			.containsExactly(ResultDiff.Verdict.NO_INTERVAL, ResultDiff.Verdict.MISSING);
		assertThat(ResultDiff.render(lines)).contains("cannot tell: one repeat");
	}

	@Test
	void readsTheFiguresOfAComparisonPerVariant(@TempDir Path dir) {
		Reports.write(dir, ReportRenderingIntegrationTests.comparison());

		Map<String, Statistics> figures = ResultDiff.figures(dir);

		assertThat(figures).containsKeys("baseline capacity", "clustered capacity", "clustered redisCommandsPerRequest");
		assertThat(figures.get("baseline capacity").n()).isEqualTo(3);
	}
}
