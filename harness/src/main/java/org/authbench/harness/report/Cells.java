package org.authbench.harness.report;

import java.util.Locale;

import org.authbench.harness.metrics.MedianInterval;

import org.authbench.harness.metrics.Statistics;

/** How a figure is written in a report cell: median, unit, and the 95% CI when there are repeats. */
final class Cells {

	static final String NONE = "–";

	private Cells() {
	}

	static String stat(Statistics stats, String unit, int decimals) {
		if (stats == null) {
			return NONE;
		}
		String median = number(stats.median(), decimals) + unit;
		if (Double.isNaN(stats.ciLow())) {
			return median + " (n=1)";
		}
		return median + " (95% CI " + number(stats.ciLow(), decimals) + "–" + number(stats.ciHigh(), decimals) + ", n="
				+ stats.n() + ")";
	}

	static String ratio(Double ratio) {
		return ratio == null ? NONE : String.format(Locale.ROOT, "%.2f×", ratio);
	}

	/** A ratio paired within the rounds of a trial: median and its 95% interval. */
	static String ratio(Double ratio, MedianInterval interval) {
		if (interval == null || !interval.hasInterval()) {
			return ratio(ratio);
		}
		return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", interval.median(), interval.low(), interval.high());
	}

	static String share(Double share) {
		return share == null ? NONE : String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}
}
