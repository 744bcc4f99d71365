package org.authbench.harness.metrics;

import java.util.List;
import java.util.Locale;

/**
 * The median of a few paired measurements (one per round of an interleaved trial) with a
 * distribution-free 95% interval from order statistics: with n values sorted, the interval
 * {@code [x(k), x(n+1-k)]} covers the true median with probability {@code 1 - 2·P(B ≤ k-1)},
 * B ~ Binomial(n, ½); k is the largest for which that is at least 95%. It needs no assumption
 * about the distribution of the values (ratios of throughputs are skewed), but at least 6 of
 * them: with 5 the widest interval, [min, max], covers only 93.75%.
 *
 * @param n how many values
 * @param median their median
 * @param low lower end of the interval (NaN with fewer than {@value #MIN_VALUES} values)
 * @param high upper end of the interval (NaN with fewer than {@value #MIN_VALUES} values)
 * @param coverage the interval's exact coverage, at least 0.95 (NaN when there is no interval)
 * @param values the values, in the order measured
 */
public record MedianInterval(int n, double median, double low, double high, double coverage, List<Double> values) {

	/** The fewest values that give a 95% interval. */
	public static final int MIN_VALUES = 6;

	public MedianInterval {
		values = List.copyOf(values);
	}

	public static MedianInterval of(List<Double> values) {
		double[] sorted = sorted(values);
		int n = sorted.length;
		double median = median(sorted);
		int k = 0;
		double tail = 0;
		// Grow k while the two tails left outside [x(k+1), x(n-k)] stay within 5%.
		while (k + 1 <= n / 2) {
			double next = tail + binomialHalf(n, k);
			if (2 * next > 0.05) {
				break;
			}
			tail = next;
			k++;
		}
		if (k == 0) {
			return new MedianInterval(n, median, Double.NaN, Double.NaN, Double.NaN, values);
		}
		return new MedianInterval(n, median, sorted[k - 1], sorted[n - k], 1 - 2 * tail, values);
	}

	/** The values in increasing order; at least one. */
	static double[] sorted(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values");
		}
		return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
	}

	/** The median of values in increasing order. */
	static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** Whether the interval exists (enough values). */
	public boolean hasInterval() {
		return !Double.isNaN(this.low);
	}

	/** Largest relative distance of the interval's ends from the median. */
	public double relativeHalfWidth() {
		return hasInterval() && this.median != 0
				? Math.max(this.median - this.low, this.high - this.median) / Math.abs(this.median) : Double.NaN;
	}

	/** {@code median [low–high]}, each in the given format (e.g. {@code %.2f}); the median alone without an interval. */
	public String format(String format) {
		String median = String.format(Locale.ROOT, format, this.median);
		return hasInterval() ? median + " [" + String.format(Locale.ROOT, format, this.low) + "–"
				+ String.format(Locale.ROOT, format, this.high) + "]" : median;
	}

	/** P(B = i) for B ~ Binomial(n, ½). */
	static double binomialHalf(int n, int i) {
		double c = 1;
		for (int j = 1; j <= i; j++) {
			c = c * (n - i + j) / j;
		}
		return c / Math.pow(2, n);
	}
}
