package org.authbench.harness.trial;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterleavedTrialTests {

	@Test
	void aTargetHasSettledWhenItsLastTwoSettlingWindowsAgreeWithinTenPercent() {
		// Demo of 2026-12-03, sticky: settle 7,363, then 8,937 in what was the first measured round,
		// then 10,523 and 11,714 (11% up: still rising), then 12,233 (4% up).
		assertThat(InterleavedTrial.settled(List.of(7363.0))).isFalse();
		assertThat(InterleavedTrial.settled(List.of(7363.0, 8937.0))).isFalse();
		assertThat(InterleavedTrial.settled(List.of(7363.0, 8937.0, 10523.0))).isFalse();
		assertThat(InterleavedTrial.settled(List.of(7363.0, 8937.0, 10523.0, 11714.0))).isFalse();
		assertThat(InterleavedTrial.settled(List.of(7363.0, 8937.0, 10523.0, 11714.0, 12233.0))).isTrue();
		assertThat(InterleavedTrial.settled(List.of(12000.0, 0.0))).isFalse();
	}

	@Test
	void thePacedRateIsHalfTheLowestWarmCapacityInHundreds() {
		var warm = java.util.Map.of("a", new InterleavedTrial.Warmup(List.of(new double[] { 3170, 440 }), true, 60),
				"b", new InterleavedTrial.Warmup(List.of(new double[] { 12900, 106 }), true, 60));

		assertThat(InterleavedTrial.pacedRate(warm)).isEqualTo(1500);
	}
}
