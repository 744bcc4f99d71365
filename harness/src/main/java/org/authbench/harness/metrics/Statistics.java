package org.authbench.harness.metrics;

import java.util.List;

/**
 * A figure measured over repeats: median, mean and the 95% confidence interval of the mean
 * (Student's t, since repeats are few). One repeat gives no interval.
 */
public record Statistics(int n, double median, double mean, double ciLow, double ciHigh) {

	/** Two-sided 97.5% quantiles of Student's t for 1…30 degrees of freedom. */
	private static final double[] T975 = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
			2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
			2.056, 2.052, 2.048, 2.045, 2.042 };

	public static Statistics of(List<Double> values) {
		double[] sorted = MedianInterval.sorted(values);
		int n = sorted.length;
		double median = MedianInterval.median(sorted);
		double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		if (n == 1) {
			return new Statistics(1, median, mean, Double.NaN, Double.NaN);
		}
		double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
		double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
		double half = t * Math.sqrt(variance / n);
		return new Statistics(n, median, mean, mean - half, mean + half);
	}

	/** Whether two figures' intervals do not overlap (a conservative test of a real difference). */
	public boolean differsFrom(Statistics other) {
		if (Double.isNaN(this.ciLow) || Double.isNaN(other.ciLow)) {
			return false;
		}
		return this.ciHigh < other.ciLow || other.ciHigh < this.ciLow;
	}
}
