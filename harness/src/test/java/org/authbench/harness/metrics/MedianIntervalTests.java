package org.authbench.harness.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MedianIntervalTests {

	@Test
	void sixValuesGiveMinToMaxWithItsExactCoverage() {
		MedianInterval interval = MedianInterval.of(List.of(0.80, 0.74, 0.77, 0.79, 0.71, 0.76));

		assertThat(interval.median()).isCloseTo(0.765, within(1e-9));
		assertThat(interval.low()).isEqualTo(0.71);
		assertThat(interval.high()).isEqualTo(0.80);
		assertThat(interval.coverage()).isCloseTo(1 - 2.0 / 64, within(1e-9));
	}

	@Test
	void tenValuesLeaveOneOutOnEachSide() {
		MedianInterval interval = MedianInterval.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));

		// P(B ≤ 1) = 11/1024 per tail; P(B ≤ 2) = 56/1024 would exceed 2.5%.
		assertThat(interval.low()).isEqualTo(2.0);
		assertThat(interval.high()).isEqualTo(9.0);
		assertThat(interval.coverage()).isCloseTo(1 - 22.0 / 1024, within(1e-9));
		assertThat(interval.coverage()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void fiveValuesAreTooFewForA95PercentInterval() {
		MedianInterval interval = MedianInterval.of(List.of(3.0, 1.0, 2.0, 5.0, 4.0));

		assertThat(interval.median()).isEqualTo(3.0);
		assertThat(interval.hasInterval()).isFalse();
		assertThat(interval.relativeHalfWidth()).isNaN();
	}

	@Test
	void binomialProbabilitiesOfAFairCoin() {
		assertThat(MedianInterval.binomialHalf(6, 0)).isCloseTo(1 / 64.0, within(1e-12));
		assertThat(MedianInterval.binomialHalf(10, 2)).isCloseTo(45 / 1024.0, within(1e-12));
	}
}
