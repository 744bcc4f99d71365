package org.authbench.harness.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuSpeedTests {

	@Test
	void theProbeRunsPinnedToItsCpu() {
		try (CpuSpeed probe = CpuSpeed.open("0")) {
			assertThat(probe).as("a probe pinned with taskset (Debian package util-linux)").isNotNull();
			assertThat(probe.cpu()).isEqualTo("0");
			assertThat(probe.allowedCpus()).isEqualTo("0");
			assertThat(probe.sampleMillis()).isPositive();
		}
	}

	@Test
	void aProbeThatSharesItsCpuWithABusyThreadIsNotSlowerForIt() throws InterruptedException {
		try (CpuSpeed probe = CpuSpeed.open("0")) {
			assertThat(probe).as("a probe pinned with taskset (Debian package util-linux)").isNotNull();
			double alone = fastest(probe);
			AtomicBoolean stop = new AtomicBoolean();
			AtomicBoolean pinned = new AtomicBoolean();
			Thread hog = new Thread(() -> {
				pinned.set(CpuSpeed.pinThisThread("0"));
				while (!stop.get()) {
					Thread.onSpinWait();
				}
			}, "cpu-hog");
			hog.start();
			try {
				Thread.sleep(200);
				assertThat(pinned).as("the busy thread pinned to CPU 0").isTrue();
				double shared = fastest(probe);
				// Wall time would about double: the busy thread gets half the CPU. CPU time does not.
				assertThat(shared).as("CPU ms sharing CPU 0 with a busy thread, against %.2f alone", alone)
					.isLessThan(alone * 1.25);
			}
			finally {
				stop.set(true);
				hog.join();
			}
		}
	}

	private static double fastest(CpuSpeed probe) {
		double best = Double.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			best = Math.min(best, probe.sampleMillis());
		}
		return best;
	}
}
