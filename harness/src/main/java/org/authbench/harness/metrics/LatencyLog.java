package org.authbench.harness.metrics;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The simulation's HdrHistogram interval log ({@code latency.hlog}): one interval per second
 * and request type (the tag), values in microseconds. Windows of it are merged on demand, so
 * any phase of a run (warm-up excluded, before/during/after a drill event) gets exact
 * percentiles rather than averages of percentiles.
 */
public final class LatencyLog {

	/** Values in the log are microseconds. */
	public static final long HIGHEST_MICROS = 120_000_000L;

	/** One recorded interval. Times are epoch milliseconds. */
	public record Interval(String tag, long startMillis, long endMillis, Histogram histogram) {
	}

	private final List<Interval> intervals;

	public LatencyLog(List<Interval> intervals) {
		this.intervals = List.copyOf(intervals);
	}

	public static LatencyLog read(Path file) {
		List<Interval> intervals = new ArrayList<>();
		try {
			HistogramLogReader reader = new HistogramLogReader(file.toFile());
			for (EncodableHistogram next = reader.nextIntervalHistogram(); next != null; next = reader
				.nextIntervalHistogram()) {
				Histogram histogram = (Histogram) next;
				intervals.add(new Interval(histogram.getTag(), histogram.getStartTimeStamp(),
						histogram.getEndTimeStamp(), histogram));
			}
		}
		catch (FileNotFoundException ex) {
			throw new UncheckedIOException("no latency log at " + file, ex);
		}
		return new LatencyLog(intervals);
	}

	public List<Interval> intervals() {
		return this.intervals;
	}

	/** The tags (request types) present in the log. */
	public Set<String> tags() {
		return this.intervals.stream().map(Interval::tag).collect(java.util.stream.Collectors.toCollection(
				java.util.TreeSet::new));
	}

	/**
	 * Merges the intervals of the matching tags whose end falls in {@code (fromMillis, toMillis]}.
	 * An interval is about a second long, so a window is exact to about a second.
	 */
	public Histogram merged(Predicate<String> tags, long fromMillis, long toMillis) {
		Histogram merged = new Histogram(1, HIGHEST_MICROS, 3);
		for (Interval interval : this.intervals) {
			if (tags.test(interval.tag()) && interval.endMillis() > fromMillis && interval.endMillis() <= toMillis) {
				merged.add(interval.histogram());
			}
		}
		return merged;
	}
}
