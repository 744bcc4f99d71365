package org.authbench.harness.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTests {

	@Test
	void medianMeanAndStudentInterval() {
		Statistics stats = Statistics.of(List.of(3.0, 1.0, 2.0));

		assertThat(stats.n()).isEqualTo(3);
		assertThat(stats.median()).isEqualTo(2.0);
		assertThat(stats.mean()).isEqualTo(2.0);
		// t(0.975, 2) = 4.303; s = 1; half width = 4.303 / sqrt(3)
		assertThat(stats.ciLow()).isCloseTo(2 - 4.303 / Math.sqrt(3), within(1e-9));
		assertThat(stats.ciHigh()).isCloseTo(2 + 4.303 / Math.sqrt(3), within(1e-9));
	}

	@Test
	void oneRepeatHasNoInterval() {
		Statistics stats = Statistics.of(List.of(5.0));

		assertThat(stats.median()).isEqualTo(5.0);
		assertThat(stats.ciLow()).isNaN();
	}

	@Test
	void differenceIsSignificantOnlyWhenIntervalsDoNotOverlap() {
		Statistics a = Statistics.of(List.of(100.0, 101.0, 99.0));
		Statistics b = Statistics.of(List.of(100.5, 101.5, 99.5));
		Statistics c = Statistics.of(List.of(200.0, 201.0, 199.0));

		assertThat(a.differsFrom(b)).isFalse();
		assertThat(a.differsFrom(c)).isTrue();
	}
}
