package org.authbench.harness.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.authbench.harness.metrics.AccessLog;
import org.authbench.harness.metrics.LatencyLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorded run of 10 seconds, 100 requests each (90 ok, 10 server errors): 2 s of warm-up,
 * then two ladder steps of 4 s. Latency 1 ms in the first step, 2 ms in the second.
 */
class RunAnalysisTests {

	static final long T0 = 1_795_000_000_000L;

	@TempDir
	Path dir;

	@BeforeEach
	void recordRun() throws IOException {
		StringBuilder timeline = new StringBuilder("[");
		try (PrintStream out = new PrintStream(Files.newOutputStream(this.dir.resolve("latency.hlog")))) {
			HistogramLogWriter writer = new HistogramLogWriter(out);
			writer.outputStartTime(T0);
			writer.setBaseTime(T0);
			for (int s = 0; s < 10; s++) {
				Histogram me = new Histogram(1, LatencyLog.HIGHEST_MICROS, 3);
				me.recordValueWithCount(s < 6 ? 1000 : 2000, 100);
				me.setStartTimeStamp(T0 + s * 1000L);
				me.setEndTimeStamp(T0 + (s + 1) * 1000L);
				me.setTag("me");
				writer.outputIntervalHistogram(me);
				timeline.append(s == 0 ? "" : ",")
					.append("{\"second\":%d,\"epochMillis\":%d,\"ok\":90,\"authLost\":0,\"clientError\":0,\"serverError\":10,\"connectError\":0,\"relogins\":0}"
						.formatted(s, T0 + s * 1000L));
			}
		}
		Files.writeString(this.dir.resolve("timeline.json"), timeline.append("]"));
	}

	private RunAnalysis.Input input(AccessLog nginx, double gatlingCpu) {
		return new RunAnalysis.Input(this.dir, T0 + 2000, T0 + 10_000, 2.0, false, List.of(10, 20), 4000, nginx,
				Map.of("app-1", 0.8, "nginx", 0.16, RunAnalysis.LOAD_GENERATOR, gatlingCpu),
				Map.of("hgetall", 1600L, "exists", 1600L), 400_000L, 2);
	}

	private static AccessLog nginxCounting(int requests) {
		List<AccessLog.Entry> entries = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			entries.add(new AccessLog.Entry(T0 + 2000 + i * 8000L / requests, 200, "/api/me", 500, 100));
		}
		return new AccessLog(entries);
	}

	@Test
	void figuresOfTheMeasurementWindowOnly() {
		RunFigures figures = RunAnalysis.analyse(input(nginxCounting(800), 1.0));

		assertThat(figures.window().seconds()).isEqualTo(8.0);
		assertThat(figures.requests().total()).isEqualTo(800);
		assertThat(figures.requests().serverError()).isEqualTo(80);
		assertThat(figures.throughput()).isEqualTo(100.0);
		assertThat(figures.okThroughput()).isEqualTo(90.0);
		assertThat(figures.latency().count()).isEqualTo(800);
	}

	@Test
	void ladderStepsAreMeasuredSeparately() {
		RunFigures figures = RunAnalysis.analyse(input(nginxCounting(800), 1.0));

		assertThat(figures.steps()).extracting(RunFigures.Step::level).containsExactly(10, 20);
		assertThat(figures.steps().get(0).latency().p50()).isEqualTo(1.0);
		assertThat(figures.steps().get(1).latency().p50()).isEqualTo(2.0);
		assertThat(figures.steps().get(1).throughput()).isEqualTo(100.0);
	}

	@Test
	void costsPerRequest() {
		RunFigures figures = RunAnalysis.analyse(input(nginxCounting(800), 1.0));

		assertThat(figures.cpu().microsPerRequest()).containsEntry("app-1", 1000.0).containsEntry("nginx", 200.0);
		assertThat(figures.cpu().systemMicrosPerRequest()).isEqualTo(1200.0);
		assertThat(figures.redis().perRequest()).isEqualTo(4.0);
		assertThat(figures.redis().bytesPerRequest()).isEqualTo(500.0);
		assertThat(figures.bytes().sentPerRequest()).isEqualTo(500.0);
	}

	@Test
	void sourcesAgreeWithinOnePercentOrTheRunSaysSo() {
		RunFigures agreeing = RunAnalysis.analyse(input(nginxCounting(795), 1.0));
		RunFigures disagreeing = RunAnalysis.analyse(input(nginxCounting(700), 1.0));

		assertThat(agreeing.sources().agree()).isTrue();
		assertThat(agreeing.warnings()).isEmpty();
		assertThat(disagreeing.sources().agree()).isFalse();
		assertThat(disagreeing.warnings()).anyMatch(w -> w.contains("nginx 700"));
	}

	@Test
	void aSaturatedLoadGeneratorMakesTheRunInvalid() {
		RunFigures saturated = RunAnalysis.analyse(input(nginxCounting(800), 12.0));

		assertThat(saturated.cpu().loadGeneratorShare()).isEqualTo(0.75);
		assertThat(saturated.valid()).isFalse();
		assertThat(saturated.warnings()).anyMatch(w -> w.startsWith("INVALID"));
	}
}
