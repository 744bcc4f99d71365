package org.authbench.harness.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.trial.TrialResult;
import org.authbench.harness.trial.TrialSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What the comparison's rows say when some of its scenarios ran and others did not. */
class ComparisonBuilderTests {

	@TempDir
	Path dir;

	@Test
	void aMeasuredRevocationReplacesTheDelayByDesign() {
		RevocationResult measured = new RevocationResult(RevocationResult.SCHEMA, "jwt", "round-robin", "none", true, 2,
				3000, 20, 4, 4, null, null, 899L, Map.of("app-1", 2, "app-2", 2),
				"still accepted after 3 s on every instance that accepted it (2 of 2): until exp, 899 s left", List.of());
		RevocationResult.write(measured, this.dir.resolve("runs/jwt-none-revocation"));

		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(),
				List.of(new Comparison.RunRef("jwt-none", "revocation", "runs/jwt-none-revocation", true)), List.of());

		assertThat(comparison.rows()).singleElement().satisfies(row -> {
			assertThat(row.variant()).isEqualTo("jwt-none");
			assertThat(row.revocationDelay()).isEqualTo("measured: " + measured.verdict());
			assertThat(row.infrastructure()).isEqualTo(ComparisonBuilder.infrastructure("jwt"));
			assertThat(row.capacity()).isNull();
		});
		assertThat(comparison.revocations()).singleElement().extracting(RevocationResult::remainingLifetimeSeconds)
			.isEqualTo(899L);
		assertThat(comparison.valid()).isTrue();
	}

	@Test
	void aVariantThatFailedMakesTheComparisonInvalidAndSaysWhy() {
		RevocationResult.write(RevocationResult.notApplicable("baseline", "round-robin", 3000, 20),
				this.dir.resolve("runs/baseline-revocation"));

		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(),
				List.of(new Comparison.RunRef("baseline", "revocation", "runs/baseline-revocation", true)),
				List.of("clustered: not measured further, the run failed: redis-server did not start"));

		assertThat(comparison.valid()).isFalse();
		assertThat(comparison.warnings()).contains("clustered: not measured further, the run failed: redis-server did not start");
		assertThat(comparison.rows()).singleElement().extracting(Comparison.Row::revocationDelay)
			.isEqualTo("measured: n/a (no credential)");
	}

	@Test
	void aRevocationIsListedUnderItsConfigurationsName() {
		RevocationResult.write(RevocationResult.notApplicable("jwt", "round-robin", 3000, 20),
				this.dir.resolve("runs/jwt-token-version-revocation"));

		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(),
				List.of(new Comparison.RunRef("jwt-token-version", "revocation", "runs/jwt-token-version-revocation", true)),
				List.of());

		assertThat(comparison.revocations()).singleElement().extracting(RevocationResult::variant)
			.isEqualTo("jwt-token-version");
	}

	@Test
	void aRebuildMakesTheComparisonAgainFromItsRunsAndKeepsWhatOnlyTheOldOneKnew() {
		RevocationResult.write(RevocationResult.notApplicable("jwt", "round-robin", 3000, 20),
				this.dir.resolve("runs/jwt-none-revocation"));
		List<Comparison.RunRef> runs = List.of(new Comparison.RunRef("jwt-none", "revocation", "runs/jwt-none-revocation", true));
		String failed = "clustered" + Comparison.FAILED + "redis-server did not start";
		Comparison old = ComparisonBuilder.build(this.dir, "old", "2026-01-01T10:00", Map.of("quick", true), runs,
				List.of(failed));
		Reports.write(this.dir, new Comparison(old.schema(), old.name(), old.createdAt(), old.settings(),
				old.machine(), old.valid(), old.warnings(), old.rows(), old.runs(), old.timelines(), old.contextSizes(),
				List.of(RevocationResult.notApplicable("jwt", "round-robin", 3000, 20)), null));

		Comparison rebuilt = Reports.rebuilt(this.dir);

		assertThat(rebuilt.revocations()).singleElement().extracting(RevocationResult::variant).isEqualTo("jwt-none");
		assertThat(rebuilt.createdAt()).isEqualTo("2026-01-01T10:00");
		assertThat(rebuilt.settings()).containsEntry("quick", true);
		assertThat(rebuilt.warnings()).containsExactly(failed);
		assertThat(rebuilt.valid()).isFalse();
	}

	/**
	 * A drill with two breaking events (a rolling restart of two instances), made from a committed
	 * drill run: losses and failures add up, the longest recovery and the worst p99 count, and the
	 * time broken runs from the first event to the last repair.
	 */
	@Test
	void aDrillWithSeveralIncidentsIsTakenTogether() throws Exception {
		Path committed = CommittedResults.dir("20261203-130620-demo").resolve("runs/clustered-redis-outage/summary.json");
		ObjectNode run = (ObjectNode) ReportJson.JSON.readTree(committed.toFile());
		ArrayNode incidents = (ArrayNode) run.get("drills").get(0).get("incidents");
		ObjectNode first = (ObjectNode) incidents.get(0);
		long start = run.get("repeats").get(0).get("window").get("startEpochMillis").asLong();
		first.put("atMillis", start + 2000).put("sessionsLost", 10).put("recoveryMillis", 1500);
		first.putArray("repairs").add("start app-1@4s (at +4.0 s, done +5.1 s)");
		((ObjectNode) first.get("failed")).put("serverError", 7).put("connectError", 1);
		((ObjectNode) first.get("during")).put("p99", 40.0);
		ObjectNode second = first.deepCopy();
		second.put("atMillis", start + 6000).put("sessionsLost", 5).put("recoveryMillis", 2500);
		second.putArray("repairs").add("start app-2@9s (at +9.0 s, done +10.2 s)");
		((ObjectNode) second.get("failed")).put("serverError", 3).put("connectError", 0);
		((ObjectNode) second.get("during")).put("p99", 90.0);
		incidents.add(second);
		Files.createDirectories(this.dir.resolve("runs/clustered-rolling-restart"));
		ReportJson.JSON.writeValue(this.dir.resolve("runs/clustered-rolling-restart/summary.json").toFile(), run);

		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(),
				List.of(new Comparison.RunRef("clustered", "rolling-restart", "runs/clustered-rolling-restart", true)),
				List.of());

		Comparison.Incident rolling = comparison.rows().get(0).drill("rolling-restart");
		assertThat(rolling.sessionsLost()).isEqualTo(15);
		assertThat(rolling.failedRequests()).isEqualTo(11);
		assertThat(rolling.recoveryMillis()).isEqualTo(2500);
		assertThat(rolling.brokenMillis()).isEqualTo(7000);
		assertThat(rolling.p99DuringMs()).isEqualTo(90.0);
		assertThat(FailureMatrix.severity(rolling)).isEqualTo(FailureMatrix.Severity.MAJOR);
	}

	/**
	 * A trial of a single Redis beside Redis with Sentinel: the rows carry Redis's cost by role
	 * into summary.json (names the capacity model reads) and the architect's table shows both.
	 */
	@Test
	void aSingleRedisAndOneWithSentinelStandSideBySideByRole() throws Exception {
		MedianInterval cpu = MedianInterval.of(List.of(300.0, 310.0, 320.0, 330.0, 340.0, 350.0));
		TrialResult.Target single = new TrialResult.Target("clustered", true, 6, 20, cpu, cpu, cpu, 1, null, null, cpu, null,
				0, same(2.0),
				same(8.0), null, null, null, null);
		TrialResult.Target ha = new TrialResult.Target("clustered-ha", true, 6, 20, cpu, cpu, cpu, 1, null, null, cpu, null,
				0, same(2.1),
				same(10.0),
				same(6.0), same(0.0),
				3.2, same(200.0));
		TrialResult trial = new TrialResult(TrialResult.SCHEMA, TrialSettings.quick(TrialSettings.defaultMix()), "clustered",
				500, new TrialResult.Pinning("1", "0"), 0.02, 0.03, true, List.of(), List.of(single, ha), List.of(), List.of());
		Files.createDirectories(this.dir.resolve("runs/trial"));
		ReportJson.JSON.writeValue(this.dir.resolve("runs/trial/trial.json").toFile(), trial);

		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(),
				List.of(new Comparison.RunRef(Comparison.RunRef.TRIAL, Comparison.RunRef.TRIAL, "runs/trial", true)), List.of());

		Comparison.Row one = comparison.rows().get(0);
		Comparison.Row replicated = comparison.rows().get(1);
		assertThat(one.redisCost().redisCpuMicrosPerRequest().median()).isEqualTo(8.0);
		assertThat(one.redisCost().replicaCpuMicrosPerRequest()).isNull();
		assertThat(replicated.redisCost().replicaCpuMicrosPerRequest().median()).isEqualTo(6.0);
		assertThat(replicated.redisCost().sentinelCpuMillisPerSecond()).isEqualTo(3.2);
		assertThat(replicated.redisCost().replicationBytesPerRequest().median()).isEqualTo(200.0);
		JsonNode row = ReportJson.JSON.readTree(ReportJson.JSON.writeValueAsString(comparison)).get("rows").get(1);
		assertThat(row.get("redisCost").get("replicaCpuMicrosPerRequest").get("median").asDouble()).isEqualTo(6.0);
		assertThat(row.get("redisCost").get("replicationBytesPerRequest").get("median").asDouble()).isEqualTo(200.0);
		assertThat(ArchitectTable.headers(comparison)).contains("of which replica µs", "replication (bytes/request)");
		assertThat(ArchitectTable.cells(comparison, one)).hasSameSizeAs(ArchitectTable.headers(comparison));
		assertThat(ArchitectTable.cells(comparison, replicated).stream().map(ArchitectTable.Cell::text))
			.containsSubsequence("10.0 ± 0.0", "6.0 ± 0.0", "0.0 ± 0.0", "3.2", "200 ± 0");
		assertThat(ArchitectTable.cells(comparison, one).get(8).text()).isEqualTo(Cells.NONE);
		assertThat(MarkdownReport.render(comparison)).contains("of which replica µs", "its replica (applying the replication stream)");
	}

	private static MedianInterval same(double value) {
		return MedianInterval.of(List.of(value, value, value, value, value, value));
	}

	@Test
	void withoutAReplicaTheTableKeepsItsColumns() {
		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(), List.of(), List.of());

		assertThat(ArchitectTable.redisByRole(comparison)).isFalse();
		assertThat(ArchitectTable.headers(comparison)).hasSize(7);
	}

	/**
	 * A drill's chart holds the window's whole seconds only. The 07:51 demo's jwt failover: its
	 * window ran 14.075 s (a drill that ran late lengthens it); the 75 ms of a fifteenth second held
	 * 78 requests and drew a dip to a quarter of the load at the chart's end, as if it had failed.
	 */
	@Test
	void aDrillsChartHoldsTheWholeSecondsOfItsWindowOnly() {
		Comparison comparison = ComparisonBuilder.build(CommittedResults.dir("20261207-075142-demo"), "t", Map.of(),
				List.of(new Comparison.RunRef("jwt", "failover", "runs/jwt-failover", true)), List.of());

		assertThat(comparison.timelines()).singleElement().satisfies(timeline -> {
			assertThat(timeline.seconds()).as("14 whole seconds of a 14.075 s window").hasSize(14).endsWith(13);
			assertThat(timeline.ok()).as("the drill's rate, 300 requests/s, in its last whole second").endsWith(300L);
		});
	}

	/** Logouts made right after a thaw and undone (a woken Redis primary, docs/design.md §10) are revocations lost. */
	@Test
	void logoutsUndoneAfterAThawAreRevocationsLost() throws Exception {
		Path committed = CommittedResults.dir("20261203-130620-demo").resolve("runs/clustered-redis-outage/summary.json");
		ObjectNode run = (ObjectNode) ReportJson.JSON.readTree(committed.toFile());
		ObjectNode incident = (ObjectNode) run.get("drills").get(0).get("incidents").get(0);
		incident.putObject("afterThawProbe").put("sessionsChecked", 5).put("sessionsLost", 0).put("revokedChecked", 5)
			.put("revokedAccepted", 5).put("unanswered", 0);
		Files.createDirectories(this.dir.resolve("runs/clustered-ha-redis-primary-freeze"));
		ReportJson.JSON.writeValue(this.dir.resolve("runs/clustered-ha-redis-primary-freeze/summary.json").toFile(), run);

		Comparison comparison = ComparisonBuilder.build(this.dir, "t", Map.of(), List.of(new Comparison.RunRef(
				"clustered-ha", "redis-primary-freeze", "runs/clustered-ha-redis-primary-freeze", true)), List.of());

		Comparison.Incident freeze = comparison.rows().get(0).drill("redis-primary-freeze");
		assertThat(freeze.revocationsLost()).isEqualTo(5);
		assertThat(FailureMatrix.severity(freeze)).isEqualTo(FailureMatrix.Severity.SEVERE);
	}

	@Test
	void theConfigurationsOfAVariantShareItsDesignFacts() {
		assertThat(ComparisonBuilder.variantOf("clustered-tuned")).contains(Variant.parse("clustered"));
		assertThat(ComparisonBuilder.variantOf("jwt-gateway-njs")).contains(Variant.parse("jwt"));
		assertThat(ComparisonBuilder.variantOf("something-else")).isEmpty();
		assertThat(ComparisonBuilder.infrastructure("jwt-none"))
			.isEqualTo("load balancer + Redis for refresh families and revocation (reads need it only for revocation)");
		assertThat(ComparisonBuilder.revocationDelay("jwt-none", null))
			.isEqualTo("until exp: up to the access-token lifetime (15 min)");
		assertThat(ComparisonBuilder.revocationDelay("clustered-ha", null)).isEqualTo("0 s (session deleted from Redis)");
		assertThat(ComparisonBuilder.revocationDelay("something-else", null)).isEqualTo("unknown");
		assertThat(ComparisonBuilder.infrastructure("something-else")).isEmpty();
	}
}
