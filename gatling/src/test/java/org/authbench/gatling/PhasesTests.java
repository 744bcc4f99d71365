package org.authbench.gatling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When warm-up ends, with the successful requests per 3 s window as the drills saw them. */
class PhasesTests {

	private static final long WINDOW = Duration.ofSeconds(3).toNanos();

	private static LoadSettings settings(int firstStep) {
		return new LoadSettings("http://127.0.0.1:1", "cookie", 60, List.of(firstStep), Duration.ofSeconds(18),
				Duration.ofSeconds(3), Duration.ofSeconds(10), Map.of("me", 100), "changeit", 0, Path.of("unused"));
	}

	/** Feeds the windows' counts; returns after how many windows warm-up ended (0: not yet). */
	private static int windowsUntilWarm(Phases phases, long... counts) {
		for (int i = 0; i < counts.length; i++) {
			long count = counts[i];
			phases.tick((i + 1) * WINDOW, end -> count);
			if (phases.warmedUp((i + 1) * WINDOW)) {
				return i + 1;
			}
		}
		return 0;
	}

	@Test
	void aPacedLoadIsWarmOnceAWindowServesWhatWasOffered() {
		// 300 requests/s: 900 offered per window. Seen in a clustered failover drill: logins, then catch-up.
		Phases phases = new Phases(settings(300), 0, Workload.Model.OPEN);

		assertThat(windowsUntilWarm(phases, 31, 782, 873, 932)).isEqualTo(3);
		assertThat(phases.warmupBoundHit()).isFalse();
	}

	@Test
	void aPacedLoadTheSystemCannotServeHitsTheBound() {
		Phases phases = new Phases(settings(300), 0, Workload.Model.OPEN);

		assertThat(windowsUntilWarm(phases, 20, 313, 600, 640)).isEqualTo(4);
		assertThat(phases.warmupBoundHit()).isTrue();
	}

	@Test
	void aClosedLoadIsWarmWhenTwoWindowsAgree() {
		// 32 users: nothing is offered at a rate; two windows within 5% end warm-up.
		Phases phases = new Phases(settings(32), 0, Workload.Model.CLOSED);

		assertThat(windowsUntilWarm(phases, 5000, 9000, 9300)).isEqualTo(3);
		assertThat(phases.warmupBoundHit()).isFalse();
	}

	@Test
	void theLastStepEndsLaterWhenTheHarnessExtendsItAndNeverAfterItEnded() {
		Phases phases = new Phases(settings(300), 0, Workload.Model.OPEN);
		windowsUntilWarm(phases, 900);
		long end = WINDOW + Duration.ofSeconds(18).toNanos();

		assertThat(phases.extendLastStep(5_000, end - 1)).isTrue();
		assertThat(phases.finished(end)).as("still measuring at the planned end").isFalse();
		assertThat(phases.step(end)).isZero();
		assertThat(phases.level(end)).isEqualTo(300);
		assertThat(phases.extendLastStep(4_000, end)).as("never shortened").isFalse();
		assertThat(phases.finished(end + Duration.ofSeconds(5).toNanos())).isTrue();
		assertThat(phases.extendLastStep(9_000, end + Duration.ofSeconds(5).toNanos())).as("too late").isFalse();
		assertThat(phases.extensionMillis()).isEqualTo(5_000);
	}

	@Test
	void anExtensionIsBounded() {
		Phases phases = new Phases(settings(300), 0, Workload.Model.OPEN);
		windowsUntilWarm(phases, 900);

		assertThat(phases.extendLastStep(600_000, WINDOW)).isTrue();
		assertThat(phases.extensionMillis()).isEqualTo(Phases.MAX_EXTENSION.toMillis());
	}
}
