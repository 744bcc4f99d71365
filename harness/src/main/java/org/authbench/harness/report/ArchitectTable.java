package org.authbench.harness.report;

import java.util.List;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.stack.Catalogue;
import org.authbench.harness.metrics.Statistics;

/**
 * The architect's table: numbers only, the unit in the header, {@code ±} the larger distance
 * from the median to an end of its 95% interval (the exact ends on hover in report.html, and in
 * summary.json). What the numbers mean is said by the findings; what the faults did, by the
 * failure matrix.
 */
final class ArchitectTable {

	/** @param exact the 95% interval's ends, for a tooltip; null without one */
	record Cell(String text, String exact) {
	}

	private ArchitectTable() {
	}

	static List<String> headers(Comparison comparison) {
		String reference = reference(comparison);
		List<String> headers = new java.util.ArrayList<>(List.of("design", "capacity (req/s)",
				"capacity vs " + reference + " (×)", "CPU per request (µs)", "CPU vs " + reference + " (×)",
				"Redis commands per request", "p99 at capacity (ms)"));
		if (redisByRole(comparison)) {
			headers.addAll(List.of("of which Redis (primary) µs", "of which replica µs", "of which Sentinels µs",
					"Sentinels' CPU (ms/s)", "replication (bytes/request)"));
		}
		return List.copyOf(headers);
	}

	/**
	 * Whether the table shows Redis's cost by role: when a row has a replica (Redis with Sentinel),
	 * so that a single Redis and a replicated one stand side by side.
	 */
	static boolean redisByRole(Comparison comparison) {
		return comparison.rows()
			.stream()
			.anyMatch(row -> row.redisCost() != null && row.redisCost().replicaCpuMicrosPerRequest() != null);
	}

	/** The row's cells under {@link #headers} of this comparison. */
	static List<Cell> cells(Comparison comparison, Comparison.Row row) {
		List<Cell> cells = new java.util.ArrayList<>(cells(row));
		if (redisByRole(comparison)) {
			Comparison.RedisCost cost = row.redisCost();
			cells.add(cost == null ? new Cell(Cells.NONE, null) : stat(cost.redisCpuMicrosPerRequest(), 1));
			cells.add(cost == null ? new Cell(Cells.NONE, null) : stat(cost.replicaCpuMicrosPerRequest(), 1));
			cells.add(cost == null ? new Cell(Cells.NONE, null) : stat(cost.sentinelCpuMicrosPerRequest(), 1));
			cells.add(new Cell(cost == null || cost.sentinelCpuMillisPerSecond() == null ? Cells.NONE
					: Cells.number(cost.sentinelCpuMillisPerSecond(), 1), null));
			cells.add(cost == null ? new Cell(Cells.NONE, null) : stat(cost.replicationBytesPerRequest(), 0));
		}
		return List.copyOf(cells);
	}

	static String reference(Comparison comparison) {
		return comparison.trial() != null ? comparison.trial().reference()
				: Catalogue.current().reference().id();
	}

	static List<Cell> cells(Comparison.Row row) {
		String cold = row.cold() ? " COLD" : "";
		Cell capacity = stat(row.capacity(), 0);
		Cell cpu = stat(row.cpuMicrosPerRequest(), 0);
		return List.of(new Cell(row.variant(), null), new Cell(capacity.text() + cold, capacity.exact()),
				ratio(row.capacityRatio(), row.capacityRatioInterval()), new Cell(cpu.text() + cold, cpu.exact()),
				ratio(row.cpuRatio(), row.cpuRatioInterval()), stat(row.redisCommandsPerRequest(), 2),
				stat(row.latencyP99Ms(), 1));
	}

	static String note(Comparison comparison) {
		Object instances = comparison.settings().getOrDefault("trialInstances", comparison.settings().get("instances"));
		String on = instances == null ? "" : "Capacity and cost on " + instances + " instance(s) per design. ";
		String redis = redisByRole(comparison) ? "The Redis columns split CPU per request (at the trial's paced rate, "
				+ "idle CPU subtracted) by role: the Redis the apps write to, its replica (applying the replication stream), "
				+ "the three Sentinels; the Sentinels' CPU per second is theirs whatever the load; replication is the "
				+ "primary's stream to its replica per request (docs/design.md §10). " : "";
		return on + redis + "± is the larger distance from the median to an end of its 95% interval (hover a cell for both ends); "
				+ "no ± means one measurement. COLD: the configuration's warm-up did not converge, its figures are not "
				+ "comparable. A dash: not measured or not applicable.";
	}

	private static Cell stat(Statistics stats, int decimals) {
		if (stats == null) {
			return new Cell(Cells.NONE, null);
		}
		String median = Cells.number(stats.median(), decimals);
		if (Double.isNaN(stats.ciLow())) {
			return new Cell(median, null);
		}
		double half = Math.max(stats.median() - stats.ciLow(), stats.ciHigh() - stats.median());
		return new Cell(median + " ± " + Cells.number(half, decimals), "95% interval " + Cells.number(stats.ciLow(), decimals)
				+ "–" + Cells.number(stats.ciHigh(), decimals) + ", n=" + stats.n());
	}

	private static Cell ratio(Double ratio, MedianInterval interval) {
		if (interval == null || !interval.hasInterval()) {
			return new Cell(ratio == null ? Cells.NONE : Cells.number(ratio, 2), null);
		}
		double half = Math.max(interval.median() - interval.low(), interval.high() - interval.median());
		return new Cell(Cells.number(interval.median(), 2) + " ± " + Cells.number(half, 2), "95% interval "
				+ Cells.number(interval.low(), 2) + "–" + Cells.number(interval.high(), 2) + ", n=" + interval.n());
	}
}
