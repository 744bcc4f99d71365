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
	void theMachinesCpusAreTheCpuLinesOfProcStat() {
		assertThat(MachineCpu.parseCount(java.util.List.of("cpu  10 0 5 100 0 0 0 0 0 0", "cpu0 5 0 2 50 0 0 0 0 0 0",
				"cpu1 5 0 3 50 0 0 0 0 0 0", "intr 12345 0 1", "ctxt 999", "cpus_fake 1"))).isEqualTo(2);
		assertThat(MachineCpu.count()).isEqualTo(Runtime.getRuntime().availableProcessors());
	}

	@Test
	void anotherLineIsAnError() {
		assertThatThrownBy(() -> MachineCpu.parseBusySeconds("cpu0 1 2 3 4")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theMachineCountsAtLeastWhatThisJvmSpends() {
		double machine = MachineCpu.busySeconds();
		double own = MachineCpu.ownSeconds();
		// Spin until this JVM has used 0.2 s of CPU (however busy the machine is), 30 s at most.
		long deadline = System.nanoTime() + 30_000_000_000L;
		double x = 0;
		while (MachineCpu.ownSeconds() - own < 0.2 && System.nanoTime() < deadline) {
			for (int i = 0; i < 100_000; i++) {
				x += Math.sqrt(x + i);
			}
		}
		double spent = MachineCpu.ownSeconds() - own;

		assertThat(x).isPositive();
		assertThat(spent).isGreaterThanOrEqualTo(0.2);
		// Both count in 10 ms ticks: allow two ticks of rounding.
		assertThat(MachineCpu.busySeconds() - machine).isGreaterThanOrEqualTo(spent - 0.02);
	}
}
