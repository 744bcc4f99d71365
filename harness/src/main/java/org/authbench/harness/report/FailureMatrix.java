package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.authbench.harness.revocation.RevocationResult;

import static org.authbench.harness.report.Finding.Unit.COUNT;
import static org.authbench.harness.report.Finding.Unit.LATENCY_MILLIS;
import static org.authbench.harness.report.Finding.Unit.MILLIS;
import static org.authbench.harness.report.Finding.Unit.PERCENT;
import static org.authbench.harness.report.Finding.Unit.SECONDS;
import static org.authbench.harness.report.Finding.Unit.SECONDS_FROM_MILLIS;

/**
 * Designs × faults: what each fault did to each design, in numbers (users logged out · failed
 * requests · recovery; for a logout, how long the old credential kept working), with a severity
 * for the colour and the sentence behind the numbers for a tooltip. A fault that did not run says so.
 */
final class FailureMatrix {

	/** @param doing how a finding opens on this fault */
	record Column(String scenario, String title, String doing) {
	}

	static final List<Column> COLUMNS = List.of(new Column("failover", "instance killed", "Killing one instance"),
			new Column("freeze", "instance frozen", "Freezing one instance"),
			new Column("rolling-restart", "rolling restart", "Restarting every instance in turn"),
			new Column("redis-outage", "Redis down", "Stopping Redis"),
			new Column("redis-latency", "Redis slow", "Slowing Redis down"),
			new Column("redis-failover", "Redis primary killed", "Killing the Redis primary"),
			new Column("redis-primary-freeze", "Redis primary frozen", "Freezing the Redis primary"),
			new Column(Comparison.RunRef.REVOCATION, "logout (revocation)", "Logging out"));

	/** The drills a finding of its own is made for, besides a killed instance and Redis down. */
	static final List<Column> OTHER_DRILLS = List.of(COLUMNS.get(1), COLUMNS.get(2), COLUMNS.get(4), COLUMNS.get(5),
			COLUMNS.get(6));

	/** The cells' key in one line, above the table. */
	static final String KEY = "Each drill: users logged out · failed requests · recovery. Logout: how long the old "
			+ "credential was still accepted.";

	static final String LEGEND = "A drill's cell: users logged out · failed requests (5xx or no answer) · recovery "
			+ "(from the event until errors stayed at zero for 3 s); Redis slow adds p99 before → during. A logout's "
			+ "cell: the longest time the old credential was still accepted on an instance. Colour: green nothing a user "
			+ "notices; yellow requests failed or p99 rose tenfold, nobody logged out; orange users logged out, or "
			+ "requests failed for more than 3 s; red half the users or more logged out, no recovery within the run, "
			+ "or a logged-out credential still accepted (also after a Redis fault: \"logouts lost\"). Hover a cell for the sentence, click it for the time line.";

	/**
	 * The legend, and how the drills' JVMs compiled when that was not the default: a quick
	 * comparison's fresh drill stacks and their Gatling run C1 only ({@code drillJit} in its settings);
	 * on the trial's own warm stacks, only its Gatling does ({@code drillGeneratorJit}).
	 */
	static String legend(Comparison comparison) {
		Object jit = comparison.settings().get("drillJit");
		Object generatorJit = comparison.settings().get("drillGeneratorJit");
		if (jit == null) {
			return generatorJit == null ? LEGEND : LEGEND + " The drills ran on the throughput trial's warm stacks; their load"
					+ " generator (Gatling) compiled with C1 only (" + generatorJit + "), which reaches its first request"
					+ " sooner and keeps up with the drills' rate.";
		}
		return LEGEND + " The drills ran on fresh stacks whose JVMs, and their load generator's,"
				+ " compiled with C1 only (" + jit
				+ "): cold C2 compilers held 1.5 of this machine's 2 cores at the drills' rate, C1 keeps up within seconds."
				+ " A drill counts events; its latencies and recovery times come from JVMs warmed for seconds, not from"
				+ " steady ones.";
	}

	/** Requests that may fail without a user noticing much: a retry or two. */
	static final int FEW = 10;

	enum Severity {

		NONE, MINOR, MAJOR, SEVERE, NOT_RUN, NOT_APPLICABLE;

		String css() {
			return "sev-" + name().toLowerCase().replace('_', '-');
		}

		/** The colour in Markdown, where a cell cannot be coloured. */
		String mark() {
			return switch (this) {
				case NONE -> "🟩 ";
				case MINOR -> "🟨 ";
				case MAJOR -> "🟧 ";
				case SEVERE -> "🟥 ";
				default -> "";
			};
		}
	}

	/** @param link a chart of report.html ({@code #chart-…}) or a run's file; null when nothing ran */
	record Cell(String text, Severity severity, String detail, String link) {
	}

	private FailureMatrix() {
	}

	/** Whether any fault ran in this comparison. */
	static boolean any(Comparison comparison) {
		return !comparison.revocations().isEmpty()
				|| comparison.rows().stream().anyMatch(row -> COLUMNS.stream().anyMatch(c -> row.drill(c.scenario()) != null));
	}

	static List<Cell> cells(Comparison comparison, Comparison.Row row) {
		List<Cell> cells = new ArrayList<>();
		for (Column column : COLUMNS) {
			if (Comparison.RunRef.REVOCATION.equals(column.scenario())) {
				cells.add(revocation(comparison, row));
				continue;
			}
			Comparison.Incident incident = row.drill(column.scenario());
			if (incident != null) {
				cells.add(drill(comparison, row, column.scenario(), incident));
			}
			else if (column.scenario().startsWith("redis") && Choosing.withoutRedis(comparison, row)) {
				cells.add(new Cell("no Redis", Severity.NOT_APPLICABLE, row.variant() + " does not use Redis", null));
			}
			else {
				cells.add(new Cell("not run", Severity.NOT_RUN, "this drill did not run for " + row.variant(), null));
			}
		}
		return cells;
	}

	private static Cell drill(Comparison comparison, Comparison.Row row, String scenario, Comparison.Incident incident) {
		String recovery = incident.recoveryMillis() == null ? "no recovery"
				: SECONDS_FROM_MILLIS.format(incident.recoveryMillis());
		String text = COUNT.format(incident.sessionsLost()) + " · " + COUNT.format(incident.failedRequests()) + " · "
				+ recovery;
		boolean latency = incident.p99BeforeMs() != null && incident.p99DuringMs() != null;
		if ("redis-latency".equals(scenario) && latency) {
			text += " · p99 " + LATENCY_MILLIS.format(incident.p99BeforeMs()) + " → " + LATENCY_MILLIS.format(incident.p99DuringMs());
		}
		boolean revocationsLost = incident.revocationsLost() != null && incident.revocationsLost() > 0;
		if (revocationsLost) {
			text += " · " + COUNT.format(incident.revocationsLost()) + " logouts lost";
		}
		StringBuilder detail = new StringBuilder(COUNT.format(incident.sessionsLost()));
		if (incident.sessionsAlive() != null) {
			detail.append(" of ").append(COUNT.format(incident.sessionsAlive()));
		}
		detail.append(" users logged out");
		if (incident.failoverLoss() != null) {
			detail.append(" (").append(PERCENT.format(incident.failoverLoss())).append(" of those on the hit instance)");
		}
		detail.append("; ").append(COUNT.format(incident.failedRequests())).append(" requests failed; ")
			.append(incident.recoveryMillis() == null ? "errors had not stopped when the run ended"
					: "recovered " + recovery + " after the event");
		if (incident.brokenMillis() != null) {
			detail.append("; broken for ").append(SECONDS_FROM_MILLIS.format(incident.brokenMillis()));
		}
		if (latency) {
			detail.append("; p99 ").append(LATENCY_MILLIS.format(incident.p99BeforeMs())).append(" before, ")
				.append(LATENCY_MILLIS.format(incident.p99DuringMs())).append(" while broken");
		}
		if (revocationsLost) {
			detail.append("; ").append(COUNT.format(incident.revocationsLost()))
				.append(" credentials logged out right before the fault were accepted again after it (security case 22)");
		}
		Optional<Comparison.RunRef> run = Findings.run(comparison, row.variant(), scenario);
		if (run.filter(r -> !r.valid()).isPresent()) {
			detail.append("; the run is flagged INVALID");
			text += " INVALID";
		}
		boolean charted = comparison.timelines()
			.stream()
			.anyMatch(t -> t.variant().equals(row.variant()) && t.scenario().equals(scenario));
		String link = charted ? "#" + FaultFindings.chartId(row.variant(), scenario)
				: run.map(r -> r.dir() + "/summary.json").orElse(null);
		return new Cell(text, severity(incident), detail.toString(), link);
	}

	static Severity severity(Comparison.Incident incident) {
		if (incident.recoveryMillis() == null || (incident.lostShare() != null && incident.lostShare() >= 0.5)
				|| (incident.revocationsLost() != null && incident.revocationsLost() > 0)) {
			return Severity.SEVERE;
		}
		if (incident.sessionsLost() > 0 || (incident.failedRequests() > FEW && incident.recoveryMillis() > 3000)) {
			return Severity.MAJOR;
		}
		boolean slower = incident.p99BeforeMs() != null && incident.p99DuringMs() != null
				&& incident.p99DuringMs() > 10 * incident.p99BeforeMs();
		return incident.failedRequests() > FEW || slower ? Severity.MINOR : Severity.NONE;
	}

	private static Cell revocation(Comparison comparison, Comparison.Row row) {
		Optional<RevocationResult> found = comparison.revocations()
			.stream()
			.filter(r -> r.variant().equals(row.variant()))
			.findFirst();
		if (found.isEmpty()) {
			return new Cell("not run", Severity.NOT_RUN,
					"not measured; " + (row.revocationDelay() == null ? "" : row.revocationDelay()), null);
		}
		RevocationResult result = found.get();
		String link = Findings.run(comparison, row.variant(), Comparison.RunRef.REVOCATION)
			.map(r -> r.dir() + "/revocation.json")
			.orElse("#revocation");
		if (!result.applicable()) {
			return new Cell("n/a", Severity.NOT_APPLICABLE, result.verdict(), link);
		}
		if (result.stillAcceptedAtBound() > 0) {
			String text = "> " + SECONDS_FROM_MILLIS.format(result.boundMillis())
					+ (result.remainingLifetimeSeconds() == null ? ""
							: " (" + SECONDS.format(result.remainingLifetimeSeconds()) + " to expiry)");
			return new Cell(text, Severity.SEVERE, result.verdict(), link);
		}
		if (result.maxDelayMillis() == null) {
			return new Cell("not measured", Severity.NOT_RUN, result.verdict(), link);
		}
		return new Cell(MILLIS.format(result.maxDelayMillis()),
				result.maxDelayMillis() > 1000 ? Severity.MINOR : Severity.NONE, result.verdict(), link);
	}
}
