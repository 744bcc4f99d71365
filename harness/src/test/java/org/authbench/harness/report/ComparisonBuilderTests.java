package org.authbench.harness.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.revocation.RevocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		String failed = "clustered" + ComparisonRun.FAILED + "redis-server did not start";
		Comparison old = ComparisonBuilder.build(this.dir, "old", "2026-01-01T10:00", Map.of("quick", true), runs,
				List.of(failed));
		ComparisonRun.write(this.dir, new Comparison(old.schema(), old.name(), old.createdAt(), old.settings(),
				old.machine(), old.valid(), old.warnings(), old.rows(), old.runs(), old.timelines(), old.contextSizes(),
				List.of(RevocationResult.notApplicable("jwt", "round-robin", 3000, 20)), null));

		Comparison rebuilt = Reports.rebuilt(this.dir);

		assertThat(rebuilt.revocations()).singleElement().extracting(RevocationResult::variant).isEqualTo("jwt-none");
		assertThat(rebuilt.createdAt()).isEqualTo("2026-01-01T10:00");
		assertThat(rebuilt.settings()).containsEntry("quick", true);
		assertThat(rebuilt.warnings()).containsExactly(failed);
		assertThat(rebuilt.valid()).isFalse();
	}

	@Test
	void theConfigurationsOfAVariantShareItsDesignFacts() {
		assertThat(ComparisonBuilder.variantOf("clustered-tuned")).isEqualTo("clustered");
		assertThat(ComparisonBuilder.variantOf("jwt-gateway-njs")).isEqualTo("jwt");
		assertThat(ComparisonBuilder.variantOf("something-else")).isEqualTo("something-else");
	}
}
