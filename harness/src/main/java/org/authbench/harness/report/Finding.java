package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plain-language sentence of the report's opening, made from the comparison's figures.
 * Every number in {@link #text} is one of {@link #figures}, each naming where in
 * {@code summary.json} it comes from, so a test can check the sentence against the file.
 *
 * @param text the sentence(s)
 * @param figures the numbers in the text, in order
 * @param evidence where the figures can be seen: a section or chart of the report, a run's file
 */
public record Finding(String text, List<Figure> figures, List<Link> evidence) {

	/**
	 * A number of the text.
	 *
	 * @param pointer a JSON pointer into the comparison's summary.json ({@code /rows/1/failover/sessionsLost})
	 * @param unit how the value there is written
	 * @param shown what the text shows
	 */
	public record Figure(String pointer, Unit unit, String shown) {
	}

	/**
	 * @param label what the reader gets ("failure matrix", "chart", "run")
	 * @param target an anchor of report.html ({@code #failure-matrix}) or a file relative to the comparison's folder
	 */
	public record Link(String label, String target) {

		public boolean anchor() {
			return this.target.startsWith("#");
		}
	}

	/**
	 * How a value of summary.json is written in a finding (and in the cells that share the unit);
	 * a no-break space keeps a number on the line of its unit.
	 */
	public enum Unit {

		COUNT("%,.0f", 1), DECIMAL1("%.1f", 1), DECIMAL("%.2f", 1), RATIO("%.2f×", 1), PERCENT("%.0f%%", 100),
		SECONDS_FROM_MILLIS("%.1f\u00a0s", 0.001), SECONDS("%,.0f\u00a0s", 1), MILLIS("%.1f\u00a0ms", 1),
		LATENCY_MILLIS("%,.0f\u00a0ms", 1), MICROS("%,.0f\u00a0µs", 1), RATE("%,.0f\u00a0req/s", 1);

		private final String format;

		private final double scale;

		Unit(String format, double scale) {
			this.format = format;
			this.scale = scale;
		}

		public String format(double value) {
			return String.format(Locale.ROOT, this.format, value * this.scale);
		}
	}

	/** A finding written piece by piece: words, and figures read from the comparison with their place in it. */
	static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final List<Figure> figures = new ArrayList<>();

		private final List<Link> evidence = new ArrayList<>();

		Builder words(String words) {
			this.text.append(words);
			return this;
		}

		Builder figure(String pointer, Unit unit, double value) {
			String shown = unit.format(value);
			this.figures.add(new Figure(pointer, unit, shown));
			this.text.append(shown);
			return this;
		}

		Builder link(String label, String target) {
			if (this.evidence.stream().noneMatch(link -> link.target().equals(target))) {
				this.evidence.add(new Link(label, target));
			}
			return this;
		}

		boolean isEmpty() {
			return this.text.isEmpty();
		}

		Finding build() {
			return new Finding(this.text.toString(), List.copyOf(this.figures), List.copyOf(this.evidence));
		}
	}
}
