package org.authbench.harness.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of a window, in milliseconds (never the mean alone: docs/metrics.md).
 */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max) {

	public static LatencySummary of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return new LatencySummary(0, 0, 0, 0, 0, 0);
		}
		return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
				ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
	}

	private static double ms(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}
}
