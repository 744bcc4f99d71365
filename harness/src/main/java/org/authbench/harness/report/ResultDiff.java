package org.authbench.harness.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.authbench.harness.load.Summary;
import org.authbench.harness.metrics.Statistics;
import tools.jackson.databind.JsonNode;

/**
 * Two results figure by figure: a difference is <b>significant</b> when the 95% confidence
 * intervals of the two do not overlap (conservative); with one repeat on either side there is
 * no interval and the line says so instead of guessing.
 */
public final class ResultDiff {

	/** One figure of both results. */
	public record Line(String figure, Statistics a, Statistics b, Double changePercent, Verdict verdict) {
	}

	public enum Verdict {

		SIGNIFICANT, NOT_SIGNIFICANT, NO_INTERVAL, MISSING

	}

	private ResultDiff() {
	}

	/** Every figure of a results folder: a run's key figures, or each variant's row of a comparison. */
	public static Map<String, Statistics> figures(Path dir) {
		JsonNode summary = ComparisonBuilder.JSON.readTree(dir.resolve("summary.json").toFile());
		Map<String, Statistics> figures = new LinkedHashMap<>();
		if (Summary.SCHEMA.equals(summary.path("schema").asString())) {
			figures.putAll(ComparisonBuilder.JSON.readValue(dir.resolve("summary.json").toFile(), Summary.class).figures());
			return figures;
		}
		for (Comparison.Row row : Reports.comparisonOf(dir).rows()) {
			put(figures, row.variant() + " capacity", row.capacity());
			put(figures, row.variant() + " cpuMicrosPerRequest", row.cpuMicrosPerRequest());
			put(figures, row.variant() + " latencyP99Ms", row.latencyP99Ms());
			put(figures, row.variant() + " redisCommandsPerRequest", row.redisCommandsPerRequest());
		}
		return figures;
	}

	/**
	 * Why the two results' costs cannot be compared figure by figure, one line each; empty when
	 * nothing says so. CPU per request depends on the paced windows' rate and arrival pattern
	 * (docs/method.md §5): a comparison from before 2026-12-06 paced with fixed waits, and its CPU
	 * ratios came out wider than with the Poisson arrivals since.
	 */
	public static List<String> caveats(Path a, Path b) {
		Comparison.Trial left = Reports.comparisonOf(a).trial();
		Comparison.Trial right = Reports.comparisonOf(b).trial();
		if (left == null || right == null || (left.rate() == right.rate() && left.arrivals() == right.arrivals())) {
			return List.of();
		}
		return List.of(("note: A paced its cost windows at %,d requests/s with %s arrivals, B at %,d with %s: CPU per "
				+ "request and its ratios depend on both, so their changes below are not the designs' (docs/method.md §5)")
			.formatted(left.rate(), left.arrivals().id(), right.rate(), right.arrivals().id()));
	}

	private static void put(Map<String, Statistics> figures, String name, Statistics value) {
		if (value != null) {
			figures.put(name, value);
		}
	}

	public static List<Line> diff(Map<String, Statistics> a, Map<String, Statistics> b) {
		List<Line> lines = new ArrayList<>();
		Map<String, Statistics> all = new LinkedHashMap<>(a);
		b.forEach(all::putIfAbsent);
		for (String figure : all.keySet()) {
			Statistics left = a.get(figure);
			Statistics right = b.get(figure);
			if (left == null || right == null) {
				lines.add(new Line(figure, left, right, null, Verdict.MISSING));
				continue;
			}
			Double change = left.median() == 0 ? null
					: Math.round(1000.0 * (right.median() - left.median()) / left.median()) / 10.0;
			Verdict verdict = Double.isNaN(left.ciLow()) || Double.isNaN(right.ciLow()) ? Verdict.NO_INTERVAL
					: left.differsFrom(right) ? Verdict.SIGNIFICANT : Verdict.NOT_SIGNIFICANT;
			lines.add(new Line(figure, left, right, change, verdict));
		}
		return lines;
	}

	public static String render(List<Line> lines) {
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-36s %22s %22s %9s  %s%n", "figure", "A",
				"B", "change", "verdict"));
		for (Line line : lines) {
			out.append(String.format(Locale.ROOT, "%-36s %22s %22s %9s  %s%n", line.figure(), cell(line.a()),
					cell(line.b()), line.changePercent() == null ? "" : String.format(Locale.ROOT, "%+.1f%%",
							line.changePercent()), verdict(line.verdict())));
		}
		return out.toString();
	}

	private static String cell(Statistics stats) {
		if (stats == null) {
			return Cells.NONE;
		}
		return Double.isNaN(stats.ciLow()) ? Cells.number(stats.median(), 2) + " (n=1)"
				: Cells.number(stats.median(), 2) + " ±" + Cells.number((stats.ciHigh() - stats.ciLow()) / 2, 2);
	}

	private static String verdict(Verdict verdict) {
		return switch (verdict) {
			case SIGNIFICANT -> "significant (95% intervals apart)";
			case NOT_SIGNIFICANT -> "not significant (intervals overlap)";
			case NO_INTERVAL -> "cannot tell: one repeat (use --repeat 3)";
			case MISSING -> "only in one result";
		};
	}
}
