package org.authbench.harness.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.Statistics;
import org.authbench.harness.trial.Arrivals;
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
	void twoComparisonsPacedDifferentlyAreSaidToBeSoAndAlikeOnesNot(@TempDir Path dir) throws Exception {
		Path fixed = Files.createDirectories(dir.resolve("fixed"));
		Path poisson = Files.createDirectories(dir.resolve("poisson"));
		Path poissonToo = Files.createDirectories(dir.resolve("poisson-too"));
		Reports.write(fixed, withTrial(Arrivals.FIXED));
		Reports.write(poisson, withTrial(Arrivals.POISSON));
		Reports.write(poissonToo, withTrial(Arrivals.POISSON));

		assertThat(ResultDiff.caveats(fixed, poisson)).singleElement().asString()
			.contains("A paced its cost windows at 800 requests/s with fixed arrivals, B at 800 with poisson");
		assertThat(ResultDiff.caveats(poisson, poissonToo)).isEmpty();
		// A comparison without a trial has no cost windows to tell apart.
		Path noTrial = Files.createDirectories(dir.resolve("no-trial"));
		Reports.write(noTrial, ReportRenderingIntegrationTests.comparison());
		assertThat(ResultDiff.caveats(fixed, noTrial)).isEmpty();
	}

	private static Comparison withTrial(Arrivals arrivals) {
		Comparison c = ReportRenderingIntegrationTests.comparison();
		return new Comparison(c.schema(), c.name(), c.createdAt(), c.settings(), c.machine(), c.valid(), c.warnings(),
				c.rows(), c.runs(), c.timelines(), c.contextSizes(), c.revocations(), new Comparison.Trial("baseline", 800, 2,
						6, "1", "0", List.of(), List.of(), List.of(), 0.10, 0.02, null, arrivals));
	}

	@Test
	void readsTheFiguresOfAComparisonPerVariant(@TempDir Path dir) {
		Reports.write(dir, ReportRenderingIntegrationTests.comparison());

		Map<String, Statistics> figures = ResultDiff.figures(dir);

		assertThat(figures).containsKeys("baseline capacity", "clustered capacity", "clustered redisCommandsPerRequest");
		assertThat(figures.get("baseline capacity").n()).isEqualTo(3);
	}
}
