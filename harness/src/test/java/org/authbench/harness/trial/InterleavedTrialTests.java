package org.authbench.harness.trial;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterleavedTrialTests {

	@Test
	void aSlowWindowIsMeasuredAgainTwiceAtMostAndOnlyWithinTheBudget() {
		assertThat(InterleavedTrial.measureAgain(1.31, 0, true)).as("slow, first time").isTrue();
		assertThat(InterleavedTrial.measureAgain(1.31, 1, true)).as("slow again").isTrue();
		assertThat(InterleavedTrial.measureAgain(1.31, 2, true)).as("measured again twice already").isFalse();
		assertThat(InterleavedTrial.measureAgain(1.20, 0, true)).as("at the limit: fast").isFalse();
		assertThat(InterleavedTrial.measureAgain(1.31, 0, false)).as("the budget spent").isFalse();
		assertThat(InterleavedTrial.measureAgain(null, 0, true)).as("no probe").isFalse();
	}

	@Test
	void roundsOnASlowCpuAreMadeUpForUpToHalfAsManyAgain() {
		assertThat(InterleavedTrial.extraRounds(6)).isEqualTo(3);
		int most = 6 + InterleavedTrial.extraRounds(6);
		assertThat(InterleavedTrial.another(5, 6, most, 0)).as("before the rounds asked for").isTrue();
		assertThat(InterleavedTrial.another(6, 6, most, 0)).as("six fast rounds").isFalse();
		assertThat(InterleavedTrial.another(6, 6, most, 2)).as("four fast of six").isTrue();
		assertThat(InterleavedTrial.another(8, 6, most, 2)).as("six fast of eight").isFalse();
		assertThat(InterleavedTrial.another(9, 6, most, 5)).as("the most").isFalse();
		assertThat(InterleavedTrial.another(6, 6, most, 3)).as("three fast of six: three more could make six").isTrue();
		assertThat(InterleavedTrial.another(6, 6, most, 4)).as("two fast of six: three more could not").isFalse();
		assertThat(InterleavedTrial.another(7, 6, most, 4)).as("three fast of seven: two more could not").isFalse();
		assertThat(InterleavedTrial.another(3, 6, most, 3)).as("the rounds asked for are measured anyway").isTrue();
	}

	@Test
	void aRoundMeasuresEveryCapacityBeforeAnyPacedWindowInTheSameOrder() {
		assertThat(InterleavedTrial.roundPlan(List.of("jwt", "baseline", "sticky")))
			.extracting(slot -> slot.target() + " " + slot.phase())
			.containsExactly("jwt capacity", "baseline capacity", "sticky capacity", "jwt rate", "baseline rate",
					"sticky rate");
		assertThat(InterleavedTrial.roundPlan(List.of("a", "b"))).extracting(InterleavedTrial.Slot::paced)
			.containsExactly(false, false, true, true);
	}

	@Test
	void aTargetHasSettledWhenItsLastTwoSettlingWindowsAgreeWithinTenPercent() {
		// Demo of 2026-12-03, sticky: settle 7,363, then 8,937 in what was the first measured round,
		// then 10,523 and 11,714 (11% up: still rising), then 12,233 (4% up).
		assertThat(TrialAnalysis.settled(settling(7363.0))).isFalse();
		assertThat(TrialAnalysis.settled(settling(7363.0, 8937.0))).isFalse();
		assertThat(TrialAnalysis.settled(settling(7363.0, 8937.0, 10523.0))).isFalse();
		assertThat(TrialAnalysis.settled(settling(7363.0, 8937.0, 10523.0, 11714.0))).isFalse();
		assertThat(TrialAnalysis.settled(settling(7363.0, 8937.0, 10523.0, 11714.0, 12233.0))).isTrue();
		assertThat(TrialAnalysis.settled(settling(12000.0, 0.0))).isFalse();
	}

	@Test
	void aTargetWhoseJitCompilersAreStillBusyHasNotSettled() {
		// Trial of 2026-12-04, jwt: 2,926 and 2,929 req/s agree, but its compilers used 15% of its CPU,
		// and two rounds later it served 3,502.
		assertThat(TrialAnalysis.settled(List.of(window(2926, 0.15), window(2929, 0.09)))).isFalse();
		assertThat(TrialAnalysis.settled(List.of(window(2929, 0.09), window(3502, 0.008)))).isFalse();
		assertThat(TrialAnalysis.settled(List.of(window(3502, 0.008), window(3504, 0.01)))).isTrue();
		// The compilers of the first window do not count, only the last one's.
		assertThat(TrialAnalysis.settled(List.of(window(3502, 0.2), window(3504, 0.0)))).isTrue();
		// An external server without PIDs: throughput alone.
		assertThat(TrialAnalysis.settled(List.of(window(3502, null), window(3504, null)))).isTrue();
	}

	@Test
	void aTargetWhoseCompilersWorkWhenPacedHasNotSettledEither() {
		// Trial of 2026-12-04, baseline: settled closed (0.0%), then its compilers used 14% of its CPU in
		// its first paced window.
		TrialResult.Window closed1 = window(7908, 0.0);
		TrialResult.Window closed2 = window(7390, 0.0);

		assertThat(TrialAnalysis.settled(List.of(closed1, paced(0.0), closed2, paced(0.14)))).isFalse();
		assertThat(TrialAnalysis.settled(List.of(closed1, paced(0.14), closed2, paced(0.005)))).isTrue();
		assertThat(TrialAnalysis.closed(List.of(closed1, paced(0.14), closed2, paced(0.005)))).containsExactly(closed1,
				closed2);
	}

	@Test
	void windowsOnASlowCpuDoNotSettleATargetOnceAFasterLevelIsKnown() {
		// Reference run of 2026-12-06 20:10, jwt: 1,868 and 2,000 req/s with probes 1.33× and 1.29× the level
		// the trial found later; its first measured round served 2,490, the later ones 3,100-4,000.
		List<TrialResult.Window> slow = List.of(probed(window(1868, 0.06), 3.2), probed(window(2000, 0.009), 3.1));

		assertThat(TrialAnalysis.settled(slow, null)).as("no fast level known: every window counts").isTrue();
		assertThat(TrialAnalysis.settled(slow, 3.1)).as("the slow level is all that was seen").isTrue();
		assertThat(TrialAnalysis.settled(slow, 2.4)).as("a faster level found since").isFalse();
		List<TrialResult.Window> then = new java.util.ArrayList<>(slow);
		then.add(probed(window(3502, 0.008), 2.4));
		assertThat(TrialAnalysis.settled(then, 2.4)).as("one fast window").isFalse();
		then.add(probed(window(3650, 0.005), 2.5));
		assertThat(TrialAnalysis.settled(then, 2.4)).as("two fast windows that agree").isTrue();
		assertThat(TrialAnalysis.slow(then.get(0), 2.4)).isTrue();
		assertThat(TrialAnalysis.slow(then.get(3), 2.4)).isFalse();
		assertThat(TrialAnalysis.slow(window(3502, 0.0), 2.4)).as("not probed").isFalse();
	}

	private static TrialResult.Window probed(TrialResult.Window w, double cpuSpeedMillis) {
		return new TrialResult.Window(w.target(), w.phase(), w.round(), w.startEpochMillis(), w.seconds(), w.requests(),
				w.errors(), w.throughput(), w.p50Ms(), w.p99Ms(), w.generatorCpuSeconds(), w.systemCpuSeconds(),
				w.processCpuSeconds(), w.redisCommands(), w.otherCpuSeconds(), w.redisCpuSeconds(), w.replicationBytes(),
				w.compilerShare(), cpuSpeedMillis);
	}

	private static TrialResult.Window paced(double compilerShare) {
		return new TrialResult.Window("jwt", TrialResult.Window.SETTLE_PACED, 0, 0, 2, 2000, 0, 1000, 1, 2, 0.1,
				java.util.Map.of(), java.util.Map.of(), null, 0.0, null, null, compilerShare, null);
	}

	private static List<TrialResult.Window> settling(double... throughputs) {
		return java.util.Arrays.stream(throughputs).mapToObj(t -> window(t, 0.0)).toList();
	}

	private static TrialResult.Window window(double throughput, Double compilerShare) {
		return new TrialResult.Window("jwt", "settle", 0, 0, 2, (long) (throughput * 2), 0, throughput, 1, 2, 0.1,
				java.util.Map.of(), java.util.Map.of(), null, 0.0, null, null, compilerShare, null);
	}

	@Test
	void thePacedRateIsHalfTheLowestWarmCapacityInHundredsWhenThatIsBelowTheDefault() {
		var warm = java.util.Map.of("a", new InterleavedTrial.Warmup(List.of(new double[] { 1450, 440 }), true, 60),
				"b", new InterleavedTrial.Warmup(List.of(new double[] { 12900, 106 }), true, 60));

		assertThat(InterleavedTrial.pacedRate(warm)).isEqualTo(700);
	}

	@Test
	void aMachineThatRunsFasterOrSlowerKeepsTheDefaultRate() {
		// The demo's clustered, two runs: its last warm-up windows at 1,600-1,700 and 3,200-3,800 req/s
		// (paced at 800 and at 1,500 by the former rule).
		var slow = java.util.Map.of("clustered", new InterleavedTrial.Warmup(
				List.of(new double[] { 1600, 600 }, new double[] { 1700, 580 }, new double[] { 1650, 590 }), true, 60));
		var fast = java.util.Map.of("clustered", new InterleavedTrial.Warmup(
				List.of(new double[] { 3300, 500 }, new double[] { 3500, 480 }, new double[] { 3800, 450 }), true, 60));

		assertThat(InterleavedTrial.pacedRate(slow)).isEqualTo(TrialSettings.DEFAULT_RATE);
		assertThat(InterleavedTrial.pacedRate(fast)).isEqualTo(TrialSettings.DEFAULT_RATE);
	}

	@Test
	void thePacedRateIsNeverBelowAHundred() {
		var warm = java.util.Map.of("slow", new InterleavedTrial.Warmup(List.of(new double[] { 120, 9000 }), false, 60));

		assertThat(InterleavedTrial.pacedRate(warm)).isEqualTo(100);
	}
}
