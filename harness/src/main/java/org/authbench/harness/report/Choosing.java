package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.authbench.harness.revocation.RevocationResult;

import static org.authbench.harness.report.Finding.Unit.COUNT;
import static org.authbench.harness.report.Finding.Unit.MILLIS;
import static org.authbench.harness.report.Finding.Unit.RATE;
import static org.authbench.harness.report.Finding.Unit.SECONDS;
import static org.authbench.harness.report.Finding.Unit.SECONDS_FROM_MILLIS;

/**
 * Requirements an architect starts from, mapped to the designs of this comparison by its own
 * figures: which designs met each one here and which did not, with the number that decided it.
 * A requirement whose scenario did not run is left out.
 */
final class Choosing {

	/**
	 * @param need the requirement
	 * @param meets the designs that met it here, each with its figure
	 * @param fails the designs that did not, each with its figure
	 * @param evidence the section of the report that holds the figures
	 */
	record Requirement(String need, List<String> meets, List<String> fails, String evidence) {
	}

	static final String INTRO = "Each line is decided by a figure of this comparison, on this machine; a design "
			+ "missing from a line was not measured for it.";

	private Choosing() {
	}

	static List<Requirement> of(Comparison comparison) {
		List<Requirement> requirements = new ArrayList<>();
		List<Comparison.Row> designs = comparison.rows()
			.stream()
			.filter(r -> ComparisonBuilder.variantOf(r.variant()).map(variant -> !variant.reference()).orElse(true))
			.toList();
		List<Comparison.Row> killed = designs.stream().filter(r -> r.drill("failover") != null).toList();
		if (!killed.isEmpty()) {
			requirements.add(split("Survive the loss of an instance without logging anyone out", killed,
					row -> row.drill("failover").sessionsLost() == 0, row -> loggedOut(row.drill("failover")),
					"#failure-matrix"));
		}
		List<Comparison.Row> redis = designs.stream().filter(r -> r.drill("redis-outage") != null).toList();
		if (!redis.isEmpty()) {
			Requirement outage = split("Keep users logged in and serving while Redis is down", redis,
					row -> row.drill("redis-outage").sessionsLost() == 0
							&& row.drill("redis-outage").failedRequests() <= FailureMatrix.FEW,
					row -> loggedOut(row.drill("redis-outage")) + ", "
							+ COUNT.format(row.drill("redis-outage").failedRequests()) + " failed requests",
					"#failure-matrix");
			List<String> meets = new ArrayList<>(outage.meets());
			designs.stream().filter(r -> withoutRedis(comparison, r)).forEach(r -> meets.add(r.variant() + " (no Redis)"));
			requirements.add(new Requirement(outage.need(), meets, outage.fails(), outage.evidence()));
		}
		List<RevocationResult> revoked = comparison.revocations().stream().filter(RevocationResult::applicable).toList();
		if (!revoked.isEmpty()) {
			List<String> meets = new ArrayList<>();
			List<String> fails = new ArrayList<>();
			for (RevocationResult result : revoked) {
				if (result.stillAcceptedAtBound() == 0 && result.maxDelayMillis() != null) {
					meets.add(result.variant() + " (" + MILLIS.format(result.maxDelayMillis()) + ")");
				}
				else {
					fails.add(result.variant() + " (still accepted after " + SECONDS_FROM_MILLIS.format(result.boundMillis())
							+ (result.remainingLifetimeSeconds() == null ? ""
									: "; " + SECONDS.format(result.remainingLifetimeSeconds()) + " to expiry")
							+ ")");
				}
			}
			requirements.add(new Requirement("Reject a credential as soon as its user logs out", meets, fails, "#revocation"));
		}
		List<Comparison.Row> measured = designs.stream()
			.filter(r -> r.capacity() != null && !r.cold())
			.sorted(Comparator.comparing((Comparison.Row r) -> r.capacity().median()).reversed())
			.toList();
		if (!measured.isEmpty() && comparison.valid()) {
			Object instances = comparison.settings().getOrDefault("trialInstances", comparison.settings().get("instances"));
			requirements.add(new Requirement("Serve the most requests on the same cores (capacity with "
					+ (instances == null ? "" : instances + " ") + "instance(s) per design, highest first)",
					measured.stream().map(r -> r.variant() + " (" + RATE.format(r.capacity().median()) + ")").toList(),
					List.of(), "#the-architects-table"));
		}
		List<Comparison.Row> withoutRedis = designs.stream()
			.filter(r -> r.capacity() != null || r.drill("failover") != null)
			.toList();
		if (!withoutRedis.isEmpty()) {
			requirements.add(split("Run without Redis on the request path", withoutRedis,
					row -> row.redisCommandsPerRequest() == null || row.redisCommandsPerRequest().median() == 0,
					row -> Finding.Unit.DECIMAL.format(row.redisCommandsPerRequest().median()) + " Redis commands per request",
					"#the-architects-table"));
		}
		return requirements;
	}

	private static Requirement split(String need, List<Comparison.Row> rows,
			java.util.function.Predicate<Comparison.Row> met, Function<Comparison.Row, String> why, String evidence) {
		List<String> meets = rows.stream().filter(met).map(Comparison.Row::variant).toList();
		List<String> fails = rows.stream().filter(met.negate()).map(row -> row.variant() + " (" + why.apply(row) + ")").toList();
		return new Requirement(need, meets, fails, evidence);
	}

	static boolean withoutRedis(Comparison comparison, Comparison.Row row) {
		return comparison.settings().get("redisScenariosSkippedFor") instanceof List<?> without
				&& without.contains(row.variant());
	}

	private static String loggedOut(Comparison.Incident incident) {
		return COUNT.format(incident.sessionsLost())
				+ (incident.sessionsAlive() == null ? "" : " of " + COUNT.format(incident.sessionsAlive())) + " users logged out";
	}
}
