package org.authbench.harness.revocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.revocation.RevocationResult.InstanceCheck;
import org.authbench.harness.revocation.RevocationResult.Outcome;
import org.authbench.harness.revocation.RevocationResult.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationResultTests {

	static InstanceCheck rejected(String member, double delayMillis) {
		return new InstanceCheck(member, null, true, Outcome.REJECTED, delayMillis, null, 1);
	}

	static InstanceCheck stillAccepted(String member) {
		return new InstanceCheck(member, null, true, Outcome.STILL_ACCEPTED, null, 1990.0, 100);
	}

	static InstanceCheck neverAccepted(String member) {
		return new InstanceCheck(member, null, false, Outcome.NEVER_ACCEPTED, null, null, 0);
	}

	@Test
	void stickyCountsOnlyTheOwnerAndTakesMaxAndMedianOverTheOwnersDelays() {
		List<Probe> probes = List.of(new Probe(1, "user1000", "sticky-1", null, List.of(rejected("app-1", 0.4),
				neverAccepted("app-2"))), new Probe(2, "user0999", "sticky-2", null,
						List.of(neverAccepted("app-1"), rejected("app-2", 21.0))),
				new Probe(3, "user0998", "sticky-1", null, List.of(rejected("app-1", 0.6), neverAccepted("app-2"))));

		RevocationResult result = RevocationResult.of("sticky", "sticky", null, 10_000, 20, probes);

		assertThat(result.checks()).isEqualTo(3);
		assertThat(result.stillAcceptedAtBound()).isZero();
		assertThat(result.maxDelayMillis()).isEqualTo(21.0);
		assertThat(result.medianDelayMillis()).isEqualTo(0.6);
		assertThat(result.remainingLifetimeSeconds()).isNull();
		assertThat(result.acceptedBeforeLogout()).containsExactly(Map.entry("app-1", 2),
				Map.entry("app-2", 1));
		assertThat(result.verdict())
			.isEqualTo("rejected at the first poll (within 21.0 ms, median 0.6 ms) on every instance that accepted it"
					+ " (1 of 2)");
	}

	@Test
	void anEvenNumberOfDelaysHasTheMeanOfTheMiddleTwoAsMedianAndALaterRejectionIsNotAtTheFirstPoll() {
		InstanceCheck late = new InstanceCheck("app-2", "jwt-2", true, Outcome.REJECTED, 1200.0, 1180.0, 61);
		List<Probe> probes = List.of(new Probe(1, "user1000", "jwt-1", 900L, List.of(rejected("app-1", 1.0),
				rejected("app-2", 3.0))), new Probe(2, "user0999", "jwt-2", 899L,
						List.of(rejected("app-1", 2.0), late)));

		RevocationResult result = RevocationResult.of("jwt", "round-robin", "denylist", 10_000, 20, probes);

		assertThat(result.medianDelayMillis()).isEqualTo(2.5);
		assertThat(result.maxDelayMillis()).isEqualTo(1200.0);
		assertThat(result.remainingLifetimeSeconds()).isEqualTo(900L);
		assertThat(result.verdict())
			.isEqualTo("rejected within 1.20 s (median 2.5 ms) on every instance that accepted it (2 of 2)");
	}

	@Test
	void aTokenStillAcceptedAtTheBoundLeavesNoDelayFiguresAndTheVerdictGivesTheTimeToExp() {
		List<Probe> probes = List.of(new Probe(1, "user1000", "jwt-1", 898L,
				List.of(stillAccepted("app-1"), stillAccepted("app-2"))),
				new Probe(2, "user0999", "jwt-2", 899L, List.of(stillAccepted("app-1"), stillAccepted("app-2"))));

		RevocationResult result = RevocationResult.of("jwt", "round-robin", "none", 2_000, 20, probes);

		assertThat(result.stillAcceptedAtBound()).isEqualTo(4);
		assertThat(result.maxDelayMillis()).isNull();
		assertThat(result.medianDelayMillis()).isNull();
		assertThat(result.verdict())
			.isEqualTo("still accepted after 2 s on every instance that accepted it (2 of 2): until exp, 899 s left");
	}

	@Test
	void someChecksStillAcceptedAreCountedAgainstAllChecks() {
		List<Probe> probes = List.of(new Probe(1, "user1000", "jwt-1", 500L,
				List.of(rejected("app-1", 0.5), stillAccepted("app-2"))));

		RevocationResult result = RevocationResult.of("jwt", "round-robin", "denylist", 1_500, 20, probes);

		assertThat(result.maxDelayMillis()).isNull();
		assertThat(result.verdict()).isEqualTo("still accepted after 1.5 s in 1 of 2 checks: until exp, 500 s left");
	}

	@Test
	void theBaselineIsNotApplicableAndNoInstanceAcceptingIsNotMeasured() {
		RevocationResult baseline = RevocationResult.notApplicable("baseline", "round-robin", 10_000, 20);
		RevocationResult gatewayOnly = RevocationResult.of("jwt", "gateway", "denylist", 10_000, 20,
				List.of(new Probe(1, "user1000", "jwt-1", 900L, List.of(neverAccepted("app-1")))));

		assertThat(baseline.applicable()).isFalse();
		assertThat(baseline.verdict()).isEqualTo("n/a (no credential)");
		assertThat(gatewayOnly.checks()).isZero();
		assertThat(gatewayOnly.maxDelayMillis()).isNull();
		assertThat(gatewayOnly.verdict()).startsWith("not measured");
	}

	@Test
	void writesAndReadsBackTheSameResult(@TempDir Path dir) {
		RevocationResult result = RevocationResult.of("jwt", "round-robin", "none", 2_000, 20,
				List.of(new Probe(1, "user1000", "jwt-1", 899L, List.of(stillAccepted("app-1"), rejected("app-2", 0.3)))));

		Path file = RevocationResult.write(result, dir.resolve("run"));

		assertThat(file.getFileName()).hasToString("revocation.json");
		assertThat(RevocationResult.read(dir.resolve("run"))).isEqualTo(result);
	}
}
