package org.authbench.harness.report;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The choosing section sorts each design by the comparison's own figures, never by what it is. */
class ChoosingTests {

	@ParameterizedTest
	@MethodSource("org.authbench.harness.report.CommittedResults#comparisons")
	void aDesignIsUnderNotMetExactlyWhenItsFiguresMissTheRequirement(Path result) {
		Comparison comparison = Reports.comparisonOf(result);

		List<Choosing.Requirement> requirements = Choosing.of(comparison);

		for (Choosing.Requirement requirement : requirements) {
			assertThat(requirement.meets()).as(requirement.need()).noneMatch(d -> d.startsWith("baseline"));
			assertThat(requirement.fails()).as(requirement.need()).noneMatch(d -> d.startsWith("baseline"));
		}
		for (Comparison.Row row : comparison.rows()) {
			Comparison.Incident killed = row.drill("failover");
			if (killed == null || row.variant().equals("baseline")) {
				continue;
			}
			Choosing.Requirement survive = requirements.stream()
				.filter(r -> r.need().startsWith("Survive the loss of an instance"))
				.findFirst()
				.orElseThrow();
			if (killed.sessionsLost() > 0) {
				assertThat(survive.fails()).anyMatch(d -> d.startsWith(row.variant() + " (" + killed.sessionsLost() + " "));
			}
			else {
				assertThat(survive.meets()).contains(row.variant());
			}
		}
		comparison.revocations().stream().filter(r -> r.applicable() && r.stillAcceptedAtBound() > 0).forEach(r -> assertThat(
				requirements.stream().filter(q -> q.evidence().equals("#revocation")).findFirst().orElseThrow().fails())
			.anyMatch(d -> d.startsWith(r.variant() + " (still accepted")));
	}
}
