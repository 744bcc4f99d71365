package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.authbench.harness.revocation.RevocationResult;

import static org.authbench.harness.report.Finding.Unit.COUNT;
import static org.authbench.harness.report.Finding.Unit.PERCENT;
import static org.authbench.harness.report.Finding.Unit.SECONDS_FROM_MILLIS;

/**
 * The findings on faults: what a killed instance, Redis down, the other drills and a logout did
 * to each design, grouped by consequence, each linking the failure matrix, the time lines and
 * the runs of the designs the fault did something to.
 */
final class FaultFindings {

	private FaultFindings() {
	}

	static Optional<Finding> instanceKilled(Comparison comparison) {
		List<Integer> rows = withDrill(comparison, "failover");
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Finding.Builder finding = new Finding.Builder();
		Object instances = comparison.settings().get("instances");
		if (instances instanceof Number count) {
			finding.words("Killing one of ").figure("/settings/instances", COUNT, count.doubleValue()).words(" instances ");
		}
		else {
			finding.words("Killing an instance ");
		}
		List<Integer> losing = rows.stream().filter(i -> incident(comparison, i, "failover").sessionsLost() > 0).toList();
		List<Integer> keeping = rows.stream().filter(i -> !losing.contains(i)).toList();
		if (losing.isEmpty()) {
			finding.words("logged out no user of any design (" + names(comparison, keeping) + ")");
		}
		else {
			finding.words("logged out ");
			for (int k = 0; k < losing.size(); k++) {
				int i = losing.get(k);
				finding.words(k == 0 ? "" : ", ");
				loggedOut(finding, comparison, i, "failover", true);
				Comparison.Incident incident = incident(comparison, i, "failover");
				if (incident.failoverLoss() != null) {
					finding.words(" (").figure(pointer(comparison, i, "failover") + "/failoverLoss", PERCENT,
							incident.failoverLoss()).words(" of those on the killed instance)");
				}
			}
			if (!keeping.isEmpty()) {
				finding.words("; " + names(comparison, keeping) + " lost none");
			}
		}
		finding.words(". ");
		failuresAndRecovery(finding, comparison, rows, "failover");
		return Optional.of(evidence(finding, comparison, rows, "failover").build());
	}

	static Optional<Finding> redisDown(Comparison comparison) {
		List<Integer> rows = withDrill(comparison, "redis-outage");
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Finding.Builder finding = new Finding.Builder().words("With Redis down");
		Comparison.Incident first = incident(comparison, rows.get(0), "redis-outage");
		if (first.brokenMillis() != null) {
			finding.words(" for ").figure(pointer(comparison, rows.get(0), "redis-outage") + "/brokenMillis",
					SECONDS_FROM_MILLIS, first.brokenMillis());
		}
		consequences(finding.words(", "), comparison, rows, "redis-outage");
		lostLogouts(finding, comparison, rows, "redis-outage");
		if (comparison.settings().get("redisScenariosSkippedFor") instanceof List<?> without && !without.isEmpty()) {
			List<String> names = without.stream().map(String::valueOf).toList();
			finding.words(" " + Findings.and(names) + (names.size() == 1 ? " does" : " do") + " not use Redis.");
		}
		return Optional.of(evidence(finding, comparison, rows, "redis-outage").build());
	}

	static Optional<Finding> otherDrill(Comparison comparison, FailureMatrix.Column drill) {
		List<Integer> rows = withDrill(comparison, drill.scenario());
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Finding.Builder finding = new Finding.Builder().words(drill.doing() + ": ");
		consequences(finding, comparison, rows, drill.scenario());
		lostLogouts(finding, comparison, rows, drill.scenario());
		List<Integer> timed = rows.stream()
			.filter(i -> incident(comparison, i, drill.scenario()).p99DuringMs() != null)
			.toList();
		if ("redis-latency".equals(drill.scenario()) && !timed.isEmpty()) {
			int slowest = timed.stream()
				.max(Comparator.comparing(i -> incident(comparison, i, drill.scenario()).p99DuringMs()))
				.orElseThrow();
			Comparison.Incident incident = incident(comparison, slowest, drill.scenario());
			finding.words(" The p99 latency rose most on " + name(comparison, slowest) + ": ");
			if (incident.p99BeforeMs() != null) {
				finding.figure(pointer(comparison, slowest, drill.scenario()) + "/p99BeforeMs", Finding.Unit.LATENCY_MILLIS,
						incident.p99BeforeMs()).words(" before, ");
			}
			finding.figure(pointer(comparison, slowest, drill.scenario()) + "/p99DuringMs", Finding.Unit.LATENCY_MILLIS,
					incident.p99DuringMs()).words(" while Redis was slow.");
		}
		return Optional.of(evidence(finding, comparison, rows, drill.scenario()).build());
	}

	/**
	 * Logouts a Redis fault undid (docs/security.md case 22): credentials logged out right before it
	 * and accepted again after it, by the drill's failover probe; nothing when none was lost.
	 */
	private static void lostLogouts(Finding.Builder finding, Comparison comparison, List<Integer> rows,
			String scenario) {
		List<Integer> losing = rows.stream().filter(i -> {
			Long lost = incident(comparison, i, scenario).revocationsLost();
			return lost != null && lost > 0;
		}).toList();
		for (int i : losing) {
			finding.words(" Security finding: on " + name(comparison, i) + ", ")
				.figure(pointer(comparison, i, scenario) + "/revocationsLost", COUNT,
						incident(comparison, i, scenario).revocationsLost())
				.words(" credentials logged out right before the fault were accepted again after it.");
		}
	}

	/**
	 * What a fault did, grouped: who logged users out (each with its count), who kept them but
	 * failed requests, who hardly noticed; then how long recovery took.
	 */
	private static void consequences(Finding.Builder finding, Comparison comparison, List<Integer> rows,
			String scenario) {
		List<Integer> losing = rows.stream().filter(i -> incident(comparison, i, scenario).sessionsLost() > 0).toList();
		List<Integer> failing = rows.stream()
			.filter(i -> !losing.contains(i) && incident(comparison, i, scenario).failedRequests() > FailureMatrix.FEW)
			.toList();
		List<Integer> fine = rows.stream().filter(i -> !losing.contains(i) && !failing.contains(i)).toList();
		List<Runnable> parts = new ArrayList<>();
		for (int i : losing) {
			parts.add(() -> loggedOut(finding.words(name(comparison, i) + " logged out "), comparison, i, scenario, false));
		}
		if (!failing.isEmpty()) {
			parts.add(() -> {
				finding.words(names(comparison, failing) + " kept every user logged in but requests failed (");
				for (int k = 0; k < failing.size(); k++) {
					int i = failing.get(k);
					finding.words((k == 0 ? "" : ", ") + (failing.size() == 1 ? "" : name(comparison, i) + " "))
						.figure(pointer(comparison, i, scenario) + "/failedRequests", COUNT,
								incident(comparison, i, scenario).failedRequests());
				}
				finding.words(")");
			});
		}
		if (!fine.isEmpty()) {
			int most = mostFailed(comparison, fine, scenario);
			long failed = incident(comparison, most, scenario).failedRequests();
			parts.add(() -> {
				if (failed == 0) {
					finding.words(names(comparison, fine) + " lost neither a user nor a request");
				}
				else {
					finding.words(names(comparison, fine) + " lost no user and failed at most ")
						.figure(pointer(comparison, most, scenario) + "/failedRequests", COUNT, failed)
						.words(failed == 1 ? " request" : " requests");
				}
			});
		}
		for (int k = 0; k < parts.size(); k++) {
			finding.words(k == 0 ? "" : "; ");
			parts.get(k).run();
		}
		finding.words(". ");
		recoveries(finding, comparison, rows, scenario);
	}

	static Optional<Finding> revocation(Comparison comparison) {
		List<RevocationResult> all = comparison.revocations();
		List<Integer> rejected = IntStream.range(0, all.size())
			.filter(j -> all.get(j).applicable() && all.get(j).stillAcceptedAtBound() == 0
					&& all.get(j).maxDelayMillis() != null)
			.boxed()
			.toList();
		List<Integer> still = IntStream.range(0, all.size())
			.filter(j -> all.get(j).applicable() && all.get(j).stillAcceptedAtBound() > 0)
			.boxed()
			.toList();
		if (rejected.isEmpty() && still.isEmpty()) {
			return Optional.empty();
		}
		Finding.Builder finding = new Finding.Builder().words("After logout, ");
		if (!rejected.isEmpty()) {
			int worst = rejected.stream().max(Comparator.comparing(j -> all.get(j).maxDelayMillis())).orElseThrow();
			finding.words(Findings.and(rejected.stream().map(j -> all.get(j).variant()).toList())
					+ " rejected the old credential on every instance that had accepted it, within ")
				.figure("/revocations/" + worst + "/maxDelayMillis", Finding.Unit.MILLIS, all.get(worst).maxDelayMillis())
				.words(" at worst (" + all.get(worst).variant() + ")");
		}
		for (int j : still) {
			RevocationResult result = all.get(j);
			finding.words(finding.isEmpty() ? "" : "; ").words("a logged-out " + result.variant() + " credential still worked after ")
				.figure("/revocations/" + j + "/boundMillis", SECONDS_FROM_MILLIS, result.boundMillis())
				.words(" in ")
				.figure("/revocations/" + j + "/stillAcceptedAtBound", COUNT, result.stillAcceptedAtBound())
				.words(" of ")
				.figure("/revocations/" + j + "/checks", COUNT, result.checks())
				.words(" checks");
			if (result.remainingLifetimeSeconds() != null) {
				finding.words(", with up to ")
					.figure("/revocations/" + j + "/remainingLifetimeSeconds", Finding.Unit.SECONDS,
							result.remainingLifetimeSeconds())
					.words(" left before it expires");
			}
		}
		finding.words(".").link("revocation table", "#revocation");
		for (int j : still) {
			Findings.run(comparison, all.get(j).variant(), Comparison.RunRef.REVOCATION).ifPresent(run -> finding.link(
					all.get(j).variant() + " run", run.dir() + "/revocation.json"));
		}
		return Optional.of(finding.build());
	}

	/** "39 of 60 sticky users" (or "39 of 60 users"), "39 users" when the file does not say how many were logged in. */
	private static void loggedOut(Finding.Builder finding, Comparison comparison, int i, String scenario,
			boolean named) {
		Comparison.Incident incident = incident(comparison, i, scenario);
		finding.figure(pointer(comparison, i, scenario) + "/sessionsLost", COUNT, incident.sessionsLost());
		if (incident.sessionsAlive() != null && incident.sessionsAlive() > 0) {
			finding.words(" of ").figure(pointer(comparison, i, scenario) + "/sessionsAlive", COUNT, incident.sessionsAlive());
		}
		finding.words(named ? " " + name(comparison, i) + " users" : " users");
	}

	private static void failuresAndRecovery(Finding.Builder finding, Comparison comparison, List<Integer> rows,
			String scenario) {
		int most = mostFailed(comparison, rows, scenario);
		long failed = incident(comparison, most, scenario).failedRequests();
		if (failed == 0) {
			// "At most 0 requests failed (sticky)" read as if sticky had lost some.
			finding.words("No request failed. ");
		}
		else {
			finding.words("At most ")
				.figure(pointer(comparison, most, scenario) + "/failedRequests", COUNT, failed)
				.words((failed == 1 ? " request" : " requests") + " failed (" + name(comparison, most) + "). ");
		}
		recoveries(finding, comparison, rows, scenario);
	}

	/** "Every design recovered within 0.5 s." (the slowest one's), and who had not recovered. */
	private static void recoveries(Finding.Builder finding, Comparison comparison, List<Integer> rows, String scenario) {
		List<Integer> never = rows.stream().filter(i -> incident(comparison, i, scenario).recoveryMillis() == null).toList();
		List<Integer> recovered = rows.stream().filter(i -> !never.contains(i)).toList();
		if (!recovered.isEmpty()) {
			int slowest = recovered.stream()
				.max(Comparator.comparing(i -> incident(comparison, i, scenario).recoveryMillis()))
				.orElseThrow();
			finding.words((never.isEmpty() ? everyOne(rows.size(), comparison.rows().size()) : names(comparison, recovered))
					+ " recovered within ")
				.figure(pointer(comparison, slowest, scenario) + "/recoveryMillis", SECONDS_FROM_MILLIS,
						incident(comparison, slowest, scenario).recoveryMillis())
				.words(" of the event" + (never.isEmpty() ? "." : "; "));
		}
		if (!never.isEmpty()) {
			finding.words(names(comparison, never) + " had not recovered when the run ended.");
		}
		flagged(finding, comparison, rows, scenario);
	}

	/** "It", "Both", "Every design" (all of the comparison's), "All of them". */
	private static String everyOne(int count, int designs) {
		return count == 1 ? "It" : count == 2 ? "Both" : count == designs ? "Every design" : "All of them";
	}

	private static int mostFailed(Comparison comparison, List<Integer> rows, String scenario) {
		return rows.stream().max(Comparator.comparing(i -> incident(comparison, i, scenario).failedRequests())).orElseThrow();
	}

	private static void flagged(Finding.Builder finding, Comparison comparison, List<Integer> rows, String scenario) {
		List<Integer> invalid = rows.stream()
			.filter(i -> Findings.run(comparison, name(comparison, i), scenario).filter(run -> !run.valid()).isPresent())
			.toList();
		if (!invalid.isEmpty()) {
			finding.words(" The run of " + names(comparison, invalid) + " is flagged INVALID: see the warnings.");
			finding.link("warnings", "#warnings-by-run");
		}
	}

	/** The failure matrix, and the time line and run of each design the fault did something to. */
	private static Finding.Builder evidence(Finding.Builder finding, Comparison comparison, List<Integer> rows,
			String scenario) {
		finding.link("failure matrix", "#failure-matrix");
		for (int i : rows) {
			Comparison.Incident incident = incident(comparison, i, scenario);
			if (incident.sessionsLost() == 0 && incident.failedRequests() <= FailureMatrix.FEW
					&& incident.recoveryMillis() != null) {
				continue;
			}
			String variant = name(comparison, i);
			if (comparison.timelines().stream().anyMatch(t -> t.variant().equals(variant) && t.scenario().equals(scenario))) {
				finding.link(variant + " chart", "#" + chartId(variant, scenario));
			}
			Findings.run(comparison, variant, scenario).ifPresent(run -> finding.link(variant + " run", run.dir() + "/summary.json"));
		}
		return finding;
	}

	/** The id of a drill's time line in report.html. */
	static String chartId(String variant, String scenario) {
		return "chart-" + variant + "-" + scenario;
	}

	private static List<Integer> withDrill(Comparison comparison, String scenario) {
		return IntStream.range(0, comparison.rows().size())
			.filter(i -> comparison.rows().get(i).drill(scenario) != null)
			.boxed()
			.toList();
	}

	private static Comparison.Incident incident(Comparison comparison, int i, String scenario) {
		return comparison.rows().get(i).drill(scenario);
	}

	/** Where a row's incident is in summary.json: its drills map, or the two fields of older files. */
	static String pointer(Comparison comparison, int i, String scenario) {
		Comparison.Row row = comparison.rows().get(i);
		if (row.drills().containsKey(scenario)) {
			return "/rows/" + i + "/drills/" + scenario;
		}
		return "/rows/" + i + ("failover".equals(scenario) ? "/failover" : "/redisOutage");
	}

	private static String name(Comparison comparison, int i) {
		return comparison.rows().get(i).variant();
	}

	static String names(Comparison comparison, List<Integer> rows) {
		return Findings.and(rows.stream().map(i -> name(comparison, i)).toList());
	}
}
