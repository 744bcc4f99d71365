package org.authbench.harness.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyLogTests {

	static final long START = 1_795_000_000_000L;

	@TempDir
	Path dir;

	/** Writes a log the way the simulation's recorder does: one interval per second and tag. */
	private Path log(long[]... secondsOfMicros) throws IOException {
		Path file = this.dir.resolve("latency.hlog");
		try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
			HistogramLogWriter writer = new HistogramLogWriter(out);
			writer.outputLogFormatVersion();
			writer.outputStartTime(START);
			writer.setBaseTime(START);
			writer.outputLegend();
			for (int s = 0; s < secondsOfMicros.length; s++) {
				for (String tag : new String[] { "me", "items" }) {
					Histogram h = new Histogram(1, LatencyLog.HIGHEST_MICROS, 3);
					for (long v : secondsOfMicros[s]) {
						h.recordValue(tag.equals("me") ? v : v * 10);
					}
					h.setStartTimeStamp(START + s * 1000L);
					h.setEndTimeStamp(START + (s + 1) * 1000L);
					h.setTag(tag);
					writer.outputIntervalHistogram(h);
				}
			}
		}
		return file;
	}

	@Test
	void mergesTheIntervalsOfAWindowAndTagExactly() throws IOException {
		LatencyLog log = LatencyLog.read(log(new long[] { 100, 200 }, new long[] { 300 }, new long[] { 5000 }));

		Histogram meInFirstTwoSeconds = log.merged("me"::equals, START, START + 2000);
		Histogram allTags = log.merged(tag -> true, START - 1, START + 10_000);

		assertThat(log.tags()).containsExactly("items", "me");
		assertThat(meInFirstTwoSeconds.getTotalCount()).isEqualTo(3);
		assertThat(meInFirstTwoSeconds.getMaxValue()).isBetween(299L, 301L);
		assertThat(allTags.getTotalCount()).isEqualTo(8);
		assertThat(allTags.getMaxValue()).isBetween(49_900L, 50_100L);
	}

	@Test
	void intervalsKeepTheirAbsoluteTimes() throws IOException {
		LatencyLog log = LatencyLog.read(log(new long[] { 100 }, new long[] { 100 }));

		assertThat(log.intervals()).extracting(LatencyLog.Interval::startMillis)
			.containsExactly(START, START, START + 1000, START + 1000);
	}

	@Test
	void summaryIsInMillisecondsWithTheTailPercentiles() throws IOException {
		Histogram micros = new Histogram(1, LatencyLog.HIGHEST_MICROS, 3);
		for (int i = 1; i <= 1000; i++) {
			micros.recordValue(i * 1000L);
		}

		LatencySummary summary = LatencySummary.of(micros);

		assertThat(summary.count()).isEqualTo(1000);
		assertThat(summary.p50()).isBetween(499.0, 501.0);
		assertThat(summary.p99()).isBetween(989.0, 991.0);
		assertThat(summary.p999()).isBetween(998.0, 1000.0);
		assertThat(summary.max()).isBetween(999.0, 1001.0);
	}
}
