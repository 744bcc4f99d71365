package org.authbench.harness.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MachineCpuTests {

	@Test
	void busyTimeIsUserNiceAndSystemWithoutInterrupts() {
		// user nice system idle iowait irq softirq steal guest guest_nice
		assertThat(MachineCpu.parseBusySeconds("cpu  1000 50 250 90000 300 40 60 0 0 0")).isCloseTo(13.0, within(1e-9));
	}

	@Test
	void anotherLineIsAnError() {
		assertThatThrownBy(() -> MachineCpu.parseBusySeconds("cpu0 1 2 3 4")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theMachineHasSpentAtLeastWhatThisJvmSpentAndGoesOnCounting() {
		double machine = MachineCpu.busySeconds();
		double own = MachineCpu.ownSeconds();
		long spin = System.nanoTime();
		double x = 0;
		while (System.nanoTime() - spin < 200_000_000L) {
			x += Math.sqrt(x + 1);
		}

		assertThat(x).isPositive();
		assertThat(machine).isGreaterThanOrEqualTo(own);
		assertThat(MachineCpu.busySeconds() - machine).isGreaterThanOrEqualTo(0.1);
		assertThat(MachineCpu.ownSeconds() - own).isGreaterThanOrEqualTo(0.1);
	}
}
