package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.stack.Catalogue;
import org.authbench.harness.trial.TrialResult;

import static org.authbench.harness.report.Finding.Unit.RATIO;

/**
 * The findings a report opens with (at most {@value #MOST}), each made from this comparison's
 * figures alone: what a killed instance, a Redis outage and a logout did to each design, then
 * what the designs cost. A figure that cannot be trusted (a comparison that is not valid, a
 * COLD configuration, a 95% interval wider than ±{@value #WIDE_PERCENT}% of its median, a flagged
 * run) is said to be so, or its finding is not made. The faults' findings are made by
 * {@link FaultFindings}, the costs' here.
 */
public final class Findings {

	static final int MOST = 8;

	static final int WIDE_PERCENT = 25;

	private Findings() {
	}

	public static List<Finding> of(Comparison comparison) {
		List<Finding> findings = new ArrayList<>();
		validity(comparison).ifPresent(findings::add);
		FaultFindings.instanceKilled(comparison).ifPresent(findings::add);
		FaultFindings.redisDown(comparison).ifPresent(findings::add);
		FailureMatrix.OTHER_DRILLS.forEach(drill -> FaultFindings.otherDrill(comparison, drill).ifPresent(findings::add));
		FaultFindings.revocation(comparison).ifPresent(findings::add);
		if (comparison.valid()) {
			ratios(comparison, false).ifPresent(findings::add);
			ratios(comparison, true).ifPresent(findings::add);
			observability(comparison).forEach(findings::add);
			scaling(comparison).ifPresent(findings::add);
		}
		return findings.size() > MOST ? findings.subList(0, MOST) : findings;
	}

	private static Optional<Finding> validity(Comparison comparison) {
		if (comparison.valid()) {
			return Optional.empty();
		}
		return Optional.of(new Finding.Builder().words("This comparison is not valid: a run was flagged or a "
				+ "configuration never warmed up (COLD), so no finding on capacity or cost is made here; what the "
				+ "faults did is reported below, each run's flags in the warnings.")
			.link("warnings", "#warnings-by-run")
			.build());
	}

	/** CPU per request (or capacity) of every design as a ratio to the reference, cheapest (or fastest) first. */
	private static Optional<Finding> ratios(Comparison comparison, boolean capacity) {
		String reference = comparison.trial() != null ? comparison.trial().reference()
				: Catalogue.current().reference().id();
		int ref = IntStream.range(0, comparison.rows().size())
			.filter(i -> comparison.rows().get(i).variant().equals(reference))
			.findFirst()
			.orElse(-1);
		List<Integer> others = IntStream.range(0, comparison.rows().size())
			.filter(i -> i != ref && (capacity ? comparison.rows().get(i).capacityRatio() : comparison.rows().get(i).cpuRatio()) != null)
			.boxed()
			.sorted(Comparator.comparing(i -> (capacity ? -1 : 1)
					* (capacity ? comparison.rows().get(i).capacityRatio() : comparison.rows().get(i).cpuRatio())))
			.toList();
		Comparison.Row base = ref < 0 ? null : comparison.rows().get(ref);
		if (others.isEmpty() || base == null || (capacity ? base.capacity() : base.cpuMicrosPerRequest()) == null
				|| base.cold()) {
			return Optional.empty();
		}
		boolean single = others.stream().allMatch(i -> interval(comparison.rows().get(i), capacity) == null);
		Finding.Builder finding = new Finding.Builder();
		if (capacity) {
			finding.words(capacityOpening(comparison)).words(reference + " served ")
				.figure("/rows/" + ref + "/capacity/median", Finding.Unit.RATE, base.capacity().median())
				.words(single ? " (one measurement each, no interval); against that, " : "; against that, ");
		}
		else {
			finding.words("CPU per request against " + reference + " (")
				.figure("/rows/" + ref + "/cpuMicrosPerRequest/median", Finding.Unit.MICROS,
						base.cpuMicrosPerRequest().median())
				.words(single ? "; one measurement each, no interval): " : "): ");
		}
		for (int k = 0; k < others.size(); k++) {
			int i = others.get(k);
			Comparison.Row row = comparison.rows().get(i);
			finding.words((k == 0 ? "" : ", ") + row.variant() + " ");
			if (row.cold()) {
				finding.words("not compared (COLD: its warm-up did not converge)");
				continue;
			}
			String field = capacity ? "capacity" : "cpu";
			MedianInterval interval = interval(row, capacity);
			if (interval != null) {
				finding.figure("/rows/" + i + "/" + field + "RatioInterval/median", RATIO, interval.median());
				if (interval.hasInterval() && interval.relativeHalfWidth() > WIDE_PERCENT / 100.0) {
					finding.words(" (uncertain: its 95% interval runs from ")
						.figure("/rows/" + i + "/" + field + "RatioInterval/low", RATIO, interval.low())
						.words(" to ")
						.figure("/rows/" + i + "/" + field + "RatioInterval/high", RATIO, interval.high())
						.words(")");
				}
			}
			else {
				finding.figure("/rows/" + i + "/" + field + "Ratio", RATIO, capacity ? row.capacityRatio() : row.cpuRatio())
					.words(single ? "" : " (one measurement, no interval)");
			}
			if (comparison.trial() == null && Warnings.cold(comparison, row.variant(), Comparison.RunRef.THROUGHPUT)) {
				finding.words(" (its warm-up did not converge)");
			}
			if (!capacity && row.redisCommandsPerRequest() != null && row.redisCommandsPerRequest().median() > 0) {
				finding.words(" with ")
					.figure("/rows/" + i + "/redisCommandsPerRequest/median", Finding.Unit.DECIMAL,
							row.redisCommandsPerRequest().median())
					.words(" Redis commands per request");
			}
		}
		finding.words(".").link("architect's table", "#the-architects-table");
		if (comparison.trial() != null) {
			run(comparison, Comparison.RunRef.TRIAL, Comparison.RunRef.TRIAL).ifPresent(run -> finding.link("trial", run.dir() + "/trial.json"));
		}
		return Optional.of(finding.build());
	}

	private static MedianInterval interval(Comparison.Row row, boolean capacity) {
		return capacity ? row.capacityRatioInterval() : row.cpuRatioInterval();
	}

	private static String capacityOpening(Comparison comparison) {
		return comparison.trial() != null ? "Capacity in the interleaved trial: " : "Capacity (closed load): ";
	}

	private static List<Finding> observability(Comparison comparison) {
		if (comparison.trial() == null) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>();
		List<TrialResult.Pair> pairs = comparison.trial().pairs();
		for (int k = 0; k < pairs.size(); k++) {
			TrialResult.Pair pair = pairs.get(k);
			if (pair.capacityRatio() == null || pair.extraCpuMicrosPerRequest() == null) {
				continue;
			}
			String at = "/trial/pairs/" + k;
			Finding.Builder finding = new Finding.Builder().words(pair.what() + " (" + pair.target() + ") served ")
				.figure(at + "/capacityRatio/median", RATIO, pair.capacityRatio().median())
				.words(" of " + pair.against() + "'s capacity and spent ")
				.figure(at + "/extraCpuMicrosPerRequest/median", Finding.Unit.MICROS, pair.extraCpuMicrosPerRequest().median())
				.words(" more CPU per request");
			if (pair.extraCpuMicrosPerRequest().relativeHalfWidth() > WIDE_PERCENT / 100.0) {
				finding.words(" (uncertain: its 95% interval runs from ")
					.figure(at + "/extraCpuMicrosPerRequest/low", Finding.Unit.MICROS, pair.extraCpuMicrosPerRequest().low())
					.words(" to ")
					.figure(at + "/extraCpuMicrosPerRequest/high", Finding.Unit.MICROS, pair.extraCpuMicrosPerRequest().high())
					.words(")");
			}
			findings.add(finding.words(".").link("observability table", "#what-spring-boots-default-observability-costs").build());
		}
		return findings;
	}

	/** Where the designs with a shared store stop scaling, by the capacity model; the others, nginx's rate per core. */
	private static Optional<Finding> scaling(Comparison comparison) {
		if (comparison.trial() == null || comparison.trial().model().isEmpty()) {
			return Optional.empty();
		}
		List<Comparison.Capacity> model = comparison.trial().model();
		List<Integer> capped = IntStream.range(0, model.size())
			.filter(k -> model.get(k).redisCeiling() != null && !cold(comparison, model.get(k).variant()))
			.boxed()
			.sorted(Comparator.comparing(k -> model.get(k).redisCeiling()))
			.toList();
		if (capped.isEmpty()) {
			return Optional.empty();
		}
		Finding.Builder finding = new Finding.Builder()
			.words("If every app core worked as in the trial (a model, not a measurement), Redis would stop the scaling of ");
		for (int n = 0; n < capped.size(); n++) {
			int k = capped.get(n);
			finding.words((n == 0 ? "" : "; ") + model.get(k).variant() + " at ")
				.figure("/trial/model/" + k + "/redisCeiling", Finding.Unit.RATE, model.get(k).redisCeiling())
				.words(", reached with ")
				.figure("/trial/model/" + k + "/appCoresAtCeiling", Finding.Unit.DECIMAL1, model.get(k).appCoresAtCeiling())
				.words(" app cores");
		}
		List<Integer> free = IntStream.range(0, model.size())
			.filter(k -> model.get(k).redisCeiling() == null && !cold(comparison, model.get(k).variant()))
			.boxed()
			.toList();
		if (!free.isEmpty()) {
			finding.words("; " + and(free.stream().map(k -> model.get(k).variant()).toList())
					+ " share no store and scale with their cores (and nginx's)");
		}
		return Optional.of(finding.words(".").link("capacity model", "#" + CapacityModel.ANCHOR).build());
	}

	private static boolean cold(Comparison comparison, String variant) {
		return comparison.rows().stream().anyMatch(r -> r.variant().equals(variant) && r.cold());
	}

	static Optional<Comparison.RunRef> run(Comparison comparison, String variant, String scenario) {
		return comparison.runs().stream().filter(r -> r.variant().equals(variant) && r.scenario().equals(scenario)).findFirst();
	}

	/** "a", "a and b", "a, b and c". */
	static String and(List<String> names) {
		return names.size() <= 1 ? String.join("", names)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}
}
