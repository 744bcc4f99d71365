package org.authbench.gatling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacingTests {

	private static final long PERIOD = 200_000_000L;

	@Test
	void aMeasuredUserThatFellBehindKeepsItsSlotsAndIsChargedForThem() {
		// Intended at 1.0 s, answered at 1.9 s: the next slot is 1.2 s, already past, and is sent at once.
		assertThat(Workload.nextSlot(1_000_000_000L, PERIOD, 1_900_000_000L, true)).isEqualTo(1_200_000_000L);
	}

	@Test
	void aWarmingUserThatFellBehindStartsAgainFromNow() {
		assertThat(Workload.nextSlot(1_000_000_000L, PERIOD, 1_900_000_000L, false)).isEqualTo(1_900_000_000L);
	}

	@Test
	void aUserOnTimeKeepsItsPaceInBothPhases() {
		assertThat(Workload.nextSlot(1_000_000_000L, PERIOD, 1_050_000_000L, false)).isEqualTo(1_200_000_000L);
		assertThat(Workload.nextSlot(1_000_000_000L, PERIOD, 1_050_000_000L, true)).isEqualTo(1_200_000_000L);
	}
}
