package org.authbench.harness.trial;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlowCpuWaitTests {

	private final List<String> said = new ArrayList<>();

	private final List<Duration> slept = new ArrayList<>();

	/** A probe that reads these values in turn, and a pause that only counts. */
	private SlowCpuWait wait(Duration budget, double... readings) {
		Deque<Double> left = new ArrayDeque<>();
		for (double reading : readings) {
			left.add(reading);
		}
		return new SlowCpuWait(() -> {
			assertThat(left).as("the wait read the probe more often than the test expects").isNotEmpty();
			return left.poll();
		}, budget, this.slept::add);
	}

	@Test
	void aFastCpuIsNotWaitedFor() {
		SlowCpuWait wait = wait(Duration.ofSeconds(60), 2.3);

		assertThat(wait.before(2.25, 1.2, "baseline's capacity window of round 1", this.said::add)).isZero();
		assertThat(this.slept).isEmpty();
		assertThat(this.said).isEmpty();
	}

	@Test
	void aSlowCpuIsWaitedForUntilItReadsFastThreeTimesInARow() {
		// slow first, then fast, slow again (a ragged end), then three fast readings
		SlowCpuWait wait = wait(Duration.ofSeconds(60), 2.9, 2.3, 2.8, 2.3, 2.2, 2.3);

		assertThat(wait.before(2.25, 1.2, "jwt's rate window of round 2", this.said::add)).isEqualTo(5_000);
		assertThat(this.slept).hasSize(5).allMatch(SlowCpuWait.POLL::equals);
		assertThat(wait.waitedMillis()).isEqualTo(5_000);
		assertThat(this.said).containsExactly(
				"trial: CPU runs slow before jwt's rate window of round 2 (its probe 1.29× the fast level): waiting for it to"
						+ " run fast again, at most 60 s more",
				"trial: CPU fast again after 5 s");
	}

	@Test
	void theBudgetIsTheWholeTrialsAndMeasuringGoesOnWhenItIsSpent() {
		SlowCpuWait wait = wait(Duration.ofSeconds(5), 3.0, 2.3, 2.2, 2.3, 3.0, 3.0, 3.0);

		assertThat(wait.before(2.25, 1.2, "sticky's settling windows", this.said::add)).isEqualTo(3_000);
		assertThat(wait.before(2.25, 1.2, "sticky's paced settling window", this.said::add)).isEqualTo(2_000);
		assertThat(this.said.get(2)).endsWith("at most 2 s more");
		assertThat(this.said.get(3))
			.isEqualTo("trial: CPU still slow after 2 s; the trial's wait (--slow-wait) is spent: measuring on");
		assertThat(wait.waitedMillis()).isEqualTo(5_000);
		// spent: a slow CPU is no longer even probed for
		assertThat(wait.before(2.25, 1.2, "clustered's capacity window of round 1", this.said::add)).isZero();
		assertThat(this.said).hasSize(4);
	}

	@Test
	void windowsMeasuredAgainSpendTheSameBudget() {
		SlowCpuWait wait = wait(Duration.ofSeconds(6), 3.0, 2.3, 2.2, 2.3);

		assertThat(wait.hasTime()).isTrue();
		wait.spend(5_000);
		assertThat(wait.hasTime()).as("a second left").isTrue();
		assertThat(wait.before(2.25, 1.2, "jwt's capacity window of round 3", this.said::add)).as("one second left")
			.isEqualTo(1_000);
		assertThat(wait.hasTime()).isFalse();
		assertThat(wait.waitedMillis()).as("the window measured again is not a wait").isEqualTo(1_000);
	}

	@Test
	void noBudgetNeverWaits() {
		SlowCpuWait wait = wait(Duration.ZERO, 3.0);

		assertThat(wait.before(2.25, 1.2, "baseline's capacity window of round 1", this.said::add)).isZero();
		assertThat(this.slept).isEmpty();
	}

	@Test
	void theSettingsCarryTheBudgetAndRefuseANegativeOne() {
		TrialSettings quick = TrialSettings.quick(TrialSettings.defaultMix());
		assertThat(quick.slowWait()).isEqualTo(TrialSettings.QUICK_SLOW_WAIT);
		assertThat(TrialSettings.full(TrialSettings.defaultMix()).slowWait()).isEqualTo(TrialSettings.FULL_SLOW_WAIT);
		assertThat(new TrialTuning(8, null, null, Duration.ZERO).applyTo(quick).slowWait()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new TrialTuning(null, null, null, Duration.ofSeconds(-1)))
			.withMessage("--slow-wait must not be negative, was PT-1S");
	}
}
