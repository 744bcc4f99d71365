package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.trial.Arrivals;
import org.authbench.harness.trial.TrialResult;

/** {@code report.md}: the findings, the architect's table, the failure matrix and the key figures, for pull requests and wikis. */
public final class MarkdownReport {

	private MarkdownReport() {
	}

	public static String render(Comparison comparison) {
		StringBuilder md = new StringBuilder();
		md.append("# authbench comparison: ").append(comparison.name()).append("\n\n");
		md.append("Measured on ").append(comparison.machine()).append(", ").append(comparison.measuredAt())
			.append(". Settings: ").append(comparison.settings()).append(".\n\n");
		if (!comparison.valid()) {
			md.append("> **INVALID**: at least one run was invalid (see the warnings).\n\n");
		}
		md.append("## Findings\n\n");
		List<Finding> findings = Findings.of(comparison);
		if (findings.isEmpty()) {
			md.append(NO_FINDINGS).append("\n");
		}
		for (int k = 0; k < findings.size(); k++) {
			Finding finding = findings.get(k);
			md.append(k + 1).append(". ").append(finding.text()).append(" (")
				.append(finding.evidence().stream().map(MarkdownReport::link).collect(Collectors.joining(", ")))
				.append(")\n");
		}
		md.append("\n## The architect's table\n\n");
		if (comparison.rows().isEmpty()) {
			md.append(NO_ROWS).append("\n");
		}
		else {
			List<String> headers = ArchitectTable.headers(comparison);
			row(md, headers);
			md.append("|---").append("|--:".repeat(headers.size() - 1)).append("|\n");
			comparison.rows().forEach(row -> row(md, ArchitectTable.cells(comparison, row).stream().map(ArchitectTable.Cell::text).toList()));
			md.append("\n").append(comparison.trial() != null ? trialMethod(comparison.trial())
					: "Ratios are medians against the baseline of this comparison, at the same instance count.")
				.append(" ").append(ArchitectTable.note(comparison)).append(" Definitions and method: ").append(METHOD_LINK)
				.append(".\n");
		}
		md.append("\n## Failure matrix\n\n");
		if (!FailureMatrix.any(comparison)) {
			md.append(NO_FAULTS).append("\n");
		}
		else {
			List<String> headers = new ArrayList<>(List.of("design"));
			FailureMatrix.COLUMNS.forEach(column -> headers.add(column.title()));
			row(md, headers);
			md.append("|---".repeat(headers.size())).append("|\n");
			for (Comparison.Row row : comparison.rows()) {
				List<String> cells = new ArrayList<>(List.of(row.variant()));
				FailureMatrix.cells(comparison, row).forEach(cell -> cells.add(cell.severity().mark() + cell.text()));
				row(md, cells);
			}
			md.append("\n").append(FailureMatrix.legend(comparison).replace("Hover a cell for the sentence, click it for the time line.",
					"report.html shows each cell's sentence and links its time line.")).append("\n");
		}
		List<Choosing.Requirement> requirements = Choosing.of(comparison);
		if (!requirements.isEmpty()) {
			md.append("\n## Choosing\n\n").append(Choosing.INTRO).append("\n\n");
			table(md, CHOOSING_HEADERS, requirements.stream()
				.map(r -> List.of("[" + r.need() + "](" + r.evidence() + ")", list(r.meets()), list(r.fails())))
				.toList());
		}
		if (comparison.trial() != null && !comparison.trial().model().isEmpty()) {
			md.append("\n## ").append(CapacityModel.TITLE).append("\n\n").append(CapacityModel.INTRO).append("\n\n");
			table(md, CapacityModel.HEADERS, comparison.trial().model().stream().map(CapacityModel::cells).toList());
			md.append("\n").append(CapacityModel.validation(comparison.trial()))
				.append(" The chart of the predicted maximum by app cores is in [report.html](report.html#")
				.append(CapacityModel.ANCHOR).append(").\n");
			if (!comparison.trial().validation().isEmpty()) {
				md.append("\n");
				table(md, CapacityModel.VALIDATION_HEADERS,
						comparison.trial().validation().stream().map(CapacityModel::cells).toList());
			}
		}
		if (comparison.trial() != null && !comparison.trial().pairs().isEmpty()) {
			md.append("\n## What Spring Boot's default observability costs\n\n").append(OBSERVABILITY_INTRO).append("\n\n");
			table(md, PAIR_HEADERS, comparison.trial().pairs().stream().map(MarkdownReport::cells).toList());
		}
		if (!comparison.revocations().isEmpty()) {
			md.append("\n## Revocation\n\n").append(REVOCATION_INTRO).append("\n\n");
			table(md, REVOCATION_HEADERS, comparison.revocations().stream().map(MarkdownReport::cells).toList());
		}
		if (!comparison.contextSizes().isEmpty()) {
			md.append("\n## Auth-context size\n\n").append(CONTEXT_INTRO).append("\n\n");
			table(md, CONTEXT_HEADERS, comparison.contextSizes().stream().map(MarkdownReport::cells).toList());
		}
		List<Warnings.Group> warnings = Warnings.byRun(comparison);
		if (!warnings.isEmpty()) {
			md.append("\n## Warnings, by run\n");
			for (Warnings.Group group : warnings) {
				md.append("\n### ").append(group.run());
				if (group.link() != null) {
					md.append(" ([").append(group.link()).append("](").append(group.link()).append("))");
				}
				md.append("\n\n");
				group.items().forEach(item -> md.append("- ").append(item.warning()).append("  \n  *").append(item.means())
					.append("*\n"));
			}
		}
		md.append("\n## Runs\n\n");
		comparison.runs().forEach(run -> md.append("- ").append(run.variant()).append(' ').append(run.scenario())
			.append(": `").append(run.dir()).append("`").append(run.valid() ? "" : " (INVALID)").append('\n'));
		return md.toString();
	}

	/** A finding's evidence: the charts are in report.html only, the sections are in both reports. */
	private static String link(Finding.Link link) {
		String target = link.target().startsWith("#chart-") ? "report.html" + link.target() : link.target();
		return "[" + link.label() + "](" + target + ")";
	}

	private static void table(StringBuilder md, List<String> headers, List<List<String>> rows) {
		row(md, headers);
		md.append("|---".repeat(headers.size())).append("|\n");
		rows.forEach(cells -> row(md, cells));
	}

	private static void row(StringBuilder md, List<String> cells) {
		md.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	static final List<String> CHOOSING_HEADERS = List.of("requirement", "met here", "not met here");

	/** Designs in a cell, or a dash for none. */
	static String list(List<String> designs) {
		return designs.isEmpty() ? Cells.NONE : String.join(", ", designs);
	}

	static final String NO_FINDINGS = "No finding: this comparison measured neither a fault nor capacity.";

	static final String NO_FAULTS = "No fault was injected in this comparison (no drill, no revocation scenario).";

	static final String METHOD_LINK = "[docs/method.md](../../docs/method.md)";

	/** How the capacity and cost columns were measured, in one paragraph. */
	static String trialMethod(Comparison.Trial trial) {
		return ("Capacity and CPU per request come from an interleaved trial: every configuration was up at once, "
				+ "warmed until the mean of its last three windows agreed within %.0f%% with the three before (throughput and "
				+ "CPU per request), settled once pinned under the measured load until two windows agreed within 10%% and "
				+ "its JIT compilers were idle (at most %.0f%% of its CPU), then measured "
				+ "in %d rounds, each configuration once per round in a random order: %.0f s of closed load (capacity, "
				+ "p99) and %.0f s at a fixed %,d requests/s (CPU per request: apps + nginx + Redis, idle CPU subtracted; %s: "
				+ "docs/method.md §5). "
				+ "Ratios are to %s within each round; a cell shows the median over rounds and its 95%% interval "
				+ "(order statistics). Load generator (wrk) on CPU %s, the systems on CPU %s.").formatted(
						// Summaries written before the tolerance was recorded: every trial then used 5%.
						trial.warmupTolerance() == null ? 5.0 : trial.warmupTolerance() * 100,
						// Trials written before the threshold was recorded settled at 1%.
						trial.compilerQuiet() == null ? 1.0 : trial.compilerQuiet() * 100, trial.rounds(),
						trial.windowSeconds(), trial.windowSeconds(), trial.rate(), arrivals(trial.arrivals()), trial.reference(),
						trial.generatorCpus(), trial.systemCpus()) + cpuSpeed(trial.cpuSpeed());
	}

	/** How the paced windows' requests arrived, for the method's paragraph. */
	static String arrivals(Arrivals arrivals) {
		return switch (arrivals) {
			case FIXED -> "wrk's connections waited alike after each answer and stayed in step, so requests arrived in small "
					+ "bursts; independent arrivals cost somewhat more per request";
			case POISSON -> "each of wrk's connections waited an exponentially distributed time after each answer, so "
					+ "requests arrived one by one at random moments, as independent clients' do";
		};
	}

	/** What the speed probe on the systems' CPU saw, in a sentence; empty without one. */
	static String cpuSpeed(TrialResult.CpuSpeed speed) {
		if (speed == null) {
			return "";
		}
		String probe = " A speed probe timed a fixed piece of work on CPU %s before and after every window: "
			.formatted(speed.cpu());
		String waited = speed.waitedSeconds() > 0
				? " The trial waited %.0f s in all, before windows whose probe read slow, for the CPU to run fast again."
					.formatted(speed.waitedSeconds()) : "";
		if (speed.setAside() > 0) {
			waited += (" %d measured window%s whose own probes read slow %s set aside and measured again; the figures"
					+ " leave %s out.").formatted(speed.setAside(), speed.setAside() == 1 ? "" : "s",
							speed.setAside() == 1 ? "was" : "were", speed.setAside() == 1 ? "it" : "them");
		}
		if (speed.slowRounds().isEmpty()) {
			return probe + "no round ran slow (more than %.2f× its fast level).".formatted(speed.slowFactor()) + waited;
		}
		String slow = speed.slowRounds().keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
		return probe + ("round%s %s ran slow (up to %.2f× its fast level, more than %.2f× counts), and %s.").formatted(
				speed.slowRounds().size() == 1 ? "" : "s", slow, speed.slowest(), speed.slowFactor(),
				!speed.mixesSpeeds() ? "the figures are from the other rounds (" + speed.roundsUsed().size() + ")"
						: "too few others remained: the figures are from every round, and the comparison is not valid")
				+ waited;
	}

	static final String OBSERVABILITY_INTRO = "The same variant twice in the same trial: once lean (AUTHBENCH_OBSERVABILITY="
			+ "minimal, the default of every other row: no per-request observation), once with Spring Boot's "
			+ "out-of-the-box observability (boot-default: with the actuator on the class path, Spring MVC observes "
			+ "every request and Spring Security every filter of its chain). Ratios are paired within each round.";

	static final List<String> PAIR_HEADERS = List.of("configuration", "against", "capacity", "CPU per request",
			"extra CPU per request");

	/** A row of the observability table; the HTML report shows the same cells. */
	static List<String> cells(TrialResult.Pair pair) {
		return List.of(pair.target(), pair.against(), Cells.ratio(null, pair.capacityRatio()),
				Cells.ratio(null, pair.cpuRatio()), pair.extraCpuMicrosPerRequest() == null ? Cells.NONE
						: pair.extraCpuMicrosPerRequest().format("%+.0f") + " µs");
	}

	static final String NO_ROWS = "No scenario of the architect's table (throughput, drills) ran in this comparison.";

	static final String REVOCATION_INTRO = "Each probe logs a user in through nginx, checks the credential on every "
			+ "instance directly, logs out through nginx and replays the old credential on every instance that had "
			+ "accepted it, every 20 ms, until it is rejected or the bound passes; on an idle stack, after the load. A "
			+ "delay counts from the logout's answer to the first rejected request.";

	static final List<String> REVOCATION_HEADERS = List.of("variant", "nginx", "revocation mode", "probes",
			"accepted before logout (probes per instance)", "after logout");

	/** A row of the revocation table; the HTML report shows the same cells. */
	static List<String> cells(RevocationResult revocation) {
		String accepted = revocation.acceptedBeforeLogout().isEmpty() ? Cells.NONE
				: revocation.acceptedBeforeLogout().entrySet().stream()
					.map(e -> e.getKey() + " " + e.getValue() + "/" + revocation.probes())
					.collect(Collectors.joining(", "));
		return List.of(revocation.variant(), revocation.lb(),
				revocation.revocationMode() == null ? Cells.NONE : revocation.revocationMode(),
				String.valueOf(revocation.probes()), accepted, revocation.verdict());
	}

	static final String CONTEXT_INTRO = "The throughput ladder once per auth-context size (AUTHBENCH_AUTH_CONTEXT_BYTES "
			+ "of padding in the roles), each on a fresh stack: sessions keep it in their store, a JWT carries it in "
			+ "every request. Ratios are to the same variant at the smallest size.";

	static final List<String> CONTEXT_HEADERS = List.of("variant", "auth context", "capacity (ok req/s)",
			"vs smallest", "CPU per request", "Redis cmds/request", "Redis bytes/request", "request bytes (client → nginx)",
			"answer bytes");

	/** A row of the context-size table; the HTML report shows the same cells. */
	static List<String> cells(Comparison.ContextSize size) {
		return List.of(size.variant(), Cells.number(size.bytes(), 0) + " B", Cells.stat(size.capacity(), "", 0),
				Cells.ratio(size.capacityRatio()), Cells.stat(size.cpuMicrosPerRequest(), " µs", 0),
				Cells.stat(size.redisCommandsPerRequest(), "", 2), Cells.stat(size.redisBytesPerRequest(), " B", 0),
				Cells.stat(size.requestBytes(), " B", 0), Cells.stat(size.responseBytes(), " B", 0));
	}
}
