package org.authbench.harness.trial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class TrialAnalysisTests {

	@Test
	void warmUpEndsWhenTheLastThreeWindowsAgreeOnAverageWithTheThreeBefore() {
		// A real sequence (baseline, one instance, 3 s windows): steady from window 7 on, ±5% from window to window.
		double[][] seen = { { 2094, 902 }, { 5759, 301 }, { 8204, 210 }, { 10124, 164 }, { 14693, 109 }, { 19930, 85 },
				{ 25985, 61 }, { 23604, 66 }, { 22524, 62 }, { 24678, 65 }, { 23449, 59 }, { 23673, 64 } };
		List<double[]> windows = new ArrayList<>();
		List<Integer> agreed = new ArrayList<>();

		for (int i = 0; i < seen.length; i++) {
			windows.add(seen[i]);
			if (TrialAnalysis.agree(windows, 0.05)) {
				agreed.add(i + 1);
			}
		}

		assertThat(agreed).as("windows after which warm-up would end").containsExactly(12);
	}

	@Test
	void twoColdWindowsThatAgreeByChanceDoNotEndWarmUp() {
		List<double[]> windows = new ArrayList<>(List.of(new double[] { 1071, 1784 }, new double[] { 1623, 1168 },
				new double[] { 2792, 667 }, new double[] { 2933, 655 }));

		assertThat(TrialAnalysis.agree(windows, 0.05)).isFalse();
		windows.add(new double[] { 2950, 650 });
		windows.add(new double[] { 4400, 420 });
		assertThat(TrialAnalysis.agree(windows, 0.05)).isFalse();
	}

	@Test
	void aColdPlateauWithItsCompilersBusyDoesNotEndWarmUp() {
		// clustered in the demo of 2026-12-05 20:00, on a slow stretch: req/s, µs CPU/request, JIT share.
		double[][] seen = { { 227, 8065, 0.60 }, { 709, 2711, 0.54 }, { 754, 2533, 0.55 }, { 640, 2943, 0.47 },
				{ 624, 3001, 0.46 }, { 659, 2732, 0.44 }, { 774, 2340, 0.34 } };
		List<double[]> busy = new ArrayList<>(List.of(seen));
		List<double[]> unknown = busy.stream().map(w -> new double[] { w[0], w[1], Double.NaN }).toList();
		List<double[]> quiet = busy.stream().map(w -> new double[] { w[0], w[1], 0.02 }).toList();

		assertThat(TrialAnalysis.agree(busy, 0.10)).as("the compilers at 34-46%").isFalse();
		assertThat(TrialAnalysis.agree(unknown, 0.10)).as("the same figures, the compilers not read").isTrue();
		assertThat(TrialAnalysis.agree(quiet, 0.10)).as("the same figures, the compilers at 2%").isTrue();
		assertThat(TrialAnalysis.compilersDone(List.of(new double[] { 1, 1, 0.09 }, new double[] { 1, 1, 0.05 },
				new double[] { 1, 1, 0.03 }))).as("a warm JVM's occasional compilation").isTrue();
	}

	@Test
	void throughputAloneIsNotEnough() {
		List<double[]> windows = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			windows.add(new double[] { 10_000, i < 3 ? 150 : 120 });
		}

		assertThat(TrialAnalysis.agree(windows, 0.05)).isFalse();
	}

	@Test
	void aCapacityThatKeepsRisingOverTheRoundsIsATrend() {
		assertThat(TrialAnalysis.trend(List.of(100.0, 104.0, 110.0, 118.0, 125.0, 130.0))).isGreaterThan(0.10);
		assertThat(TrialAnalysis.trend(List.of(100.0, 97.0, 103.0, 99.0, 101.0, 98.0))).isLessThan(0.05);
	}

	@Test
	void earlyDipsBesideAnEarlyRoundAtTheLaterLevelAreTheMachineNotWarmUp() {
		List<Double> dips = List.of(11_600.0, 16_100.0, 13_300.0, 16_400.0, 16_300.0, 16_500.0);
		assertThat(TrialAnalysis.trend(dips)).isGreaterThan(TrialAnalysis.MAX_TREND);
		assertThat(TrialAnalysis.laterHalfOverBestEarly(dips)).isLessThan(TrialAnalysis.PLATEAU_TOLERANCE);

		List<Double> warming = List.of(3_600.0, 3_700.0, 3_650.0, 4_200.0, 4_250.0, 4_300.0);
		assertThat(TrialAnalysis.trend(warming)).isGreaterThan(TrialAnalysis.MAX_TREND);
		assertThat(TrialAnalysis.laterHalfOverBestEarly(warming)).isGreaterThan(TrialAnalysis.PLATEAU_TOLERANCE);
	}

	@Test
	void idleCpuComesFromTheWindowsOfTheOtherTargets() {
		List<TrialResult.Window> windows = List.of(window("a", 1, "rate", 2, 1000, Map.of("a", 0.30, "b", 0.01)),
				window("b", 1, "rate", 2, 1000, Map.of("a", 0.02, "b", 0.40)));

		assertThat(TrialAnalysis.idleCpuPerSecond("a", windows)).isCloseTo(0.01, within(1e-9));
		assertThat(TrialAnalysis.idleCpuPerSecond("b", windows)).isCloseTo(0.005, within(1e-9));
		// a: (0.30 - 0.01 × 2 s) / 1000 requests = 280 µs
		assertThat(windows.get(0).cpuMicrosPerRequest(0.01)).isCloseTo(280, within(1e-6));
	}

	@Test
	void ratiosArePairedWithinEachRoundSoADriftMovesBothSides() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			// The machine slows down by 10% a round; b always serves half of a, at twice its CPU.
			double speed = 1 - 0.1 * (round - 1);
			windows.add(window("a", round, "capacity", 1, (long) (10_000 * speed), Map.of("a", 0.5, "b", 0.0)));
			windows.add(window("b", round, "capacity", 1, (long) (5_000 * speed), Map.of("a", 0.0, "b", 0.5)));
			windows.add(window("a", round, "rate", 1, 1000, Map.of("a", 0.1 / speed, "b", 0.0)));
			windows.add(window("b", round, "rate", 1, 1000, Map.of("a", 0.0, "b", 0.2 / speed)));
		}
		Map<String, InterleavedTrial.Warmup> warm = new LinkedHashMap<>();
		warm.put("a", new InterleavedTrial.Warmup(List.of(), true, 10));
		warm.put("b", new InterleavedTrial.Warmup(List.of(), true, 10));
		List<TrialTarget> targets = List.of(target("a"), target("b"));

		TrialResult result = TrialAnalysis.analyse(settings(6), "a", 1000, new TrialResult.Pinning("1", "0"), targets,
				warm, Map.of("b", new InterleavedTrial.PairSpec("a", "something")), windows);

		TrialResult.Target b = result.target("b").orElseThrow();
		assertThat(b.capacityRatio().median()).isCloseTo(0.5, within(0.001));
		assertThat(b.capacityRatio().high() - b.capacityRatio().low()).isLessThan(0.002);
		assertThat(b.cpuRatio().median()).isCloseTo(2.0, within(0.001));
		assertThat(b.capacity().high() / b.capacity().low()).as("the absolute figure drifts").isGreaterThan(1.5);
		assertThat(result.pairs()).singleElement()
			.satisfies(pair -> assertThat(pair.extraCpuMicrosPerRequest().median()).isPositive());
		assertThat(result.valid()).isTrue();
	}

	@Test
	void aTargetThatDidNotConvergeMakesTheTrialNotValid() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			windows.add(window("a", round, "capacity", 1, 10_000, Map.of("a", 0.5)));
			windows.add(window("a", round, "rate", 1, 1000, Map.of("a", 0.1)));
		}
		Map<String, InterleavedTrial.Warmup> warm = Map.of("a", new InterleavedTrial.Warmup(List.of(), false, 60));

		TrialResult result = TrialAnalysis.analyse(settings(6), "a", 1000, new TrialResult.Pinning("any", "any"),
				List.of(target("a")), warm, Map.of(), windows);

		assertThat(result.valid()).isFalse();
		assertThat(result.targets().get(0).converged()).isFalse();
		assertThat(result.warnings()).singleElement().asString().contains("cold JVM");
	}

	@Test
	void aTargetWhoseCompilersWereStillBusyWhenSettlingEndedIsCold() {
		Map<String, TrialResult> results = new LinkedHashMap<>();
		// 1.5%: the occasional compilation of a warm JVM, under TrialAnalysis.JIT_QUIET (2%).
		for (double share : new double[] { 0.06, 0.015 }) {
			List<TrialResult.Window> windows = new ArrayList<>();
			windows.add(settle("a", 3000, 0.2));
			windows.add(settle("a", 3050, share));
			for (int round = 1; round <= 6; round++) {
				windows.add(window("a", round, "capacity", 1, 3000, Map.of("a", 0.5)));
				windows.add(window("a", round, "rate", 1, 1000, Map.of("a", 0.1)));
			}
			results.put(share > TrialAnalysis.JIT_QUIET ? "busy" : "quiet", TrialAnalysis.analyse(settings(6), "a", 1000,
					new TrialResult.Pinning("any", "any"), List.of(target("a")),
					Map.of("a", new InterleavedTrial.Warmup(List.of(), true, 10)), Map.of(), windows));
		}

		assertThat(results.get("busy").valid()).isFalse();
		assertThat(results.get("busy").targets().get(0).converged()).isFalse();
		assertThat(results.get("busy").warnings()).singleElement()
			.asString()
			.contains("did not settle")
			.contains("they used 6.0%");
		assertThat(results.get("quiet").valid()).isTrue();
		assertThat(results.get("quiet").warnings()).isEmpty();
	}

	@Test
	void aTargetThatSettledOnlyOnASlowCpuIsColdByTheSettlingWindowsOwnFastLevel() {
		// a settled on two windows at 1.3× the fast level b's settling windows found; b on fast ones. The
		// measured rounds ran faster still (2.0 ms): by their level b's windows would read slow too, but the
		// settling loop could only judge by its own windows.
		List<TrialResult.Window> windows = new ArrayList<>();
		windows.add(probed(settle("a", 2000, 0.0), 3.1));
		windows.add(probed(settle("a", 2050, 0.0), 3.1));
		windows.add(probed(settle("b", 5000, 0.0), 2.4));
		windows.add(probed(settle("b", 5050, 0.0), 2.4));
		for (int round = 1; round <= 6; round++) {
			windows.add(probed(window("a", round, "capacity", 1, 3_500, Map.of("a", 0.5, "b", 0.0)), 2.0));
			windows.add(probed(window("b", round, "capacity", 1, 5_000, Map.of("a", 0.0, "b", 0.5)), 2.0));
		}

		TrialResult result = analyse(windows, 6);

		assertThat(result.target("a").orElseThrow().converged()).isFalse();
		assertThat(result.target("b").orElseThrow().converged()).isTrue();
		assertThat(result.warnings()).singleElement().asString()
			.startsWith("a: it did not settle")
			.contains("the last two closed windows on a fast CPU within 10%");
	}

	@Test
	void roundsThatRanOnASlowCpuAreLeftOutWhenEnoughOthersRemain() {
		// b serves half of a, at twice its CPU, in every round on a fast CPU; rounds 2 and 5 ran while the
		// systems' CPU was slow, which (as on this machine) slowed a more than b: b at 0.8× and 1.4× there.
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 8; round++) {
			boolean slow = round == 2 || round == 5;
			double probe = slow ? 4.0 : 2.4 + 0.01 * round;
			windows.add(probed(window("a", round, "capacity", 1, slow ? 6_000 : 10_000, Map.of("a", 0.5, "b", 0.0)), probe));
			windows.add(probed(window("b", round, "capacity", 1, slow ? 4_800 : 5_000, Map.of("a", 0.0, "b", 0.5)), 2.4));
			windows.add(probed(window("a", round, "rate", 1, 1000, Map.of("a", slow ? 0.18 : 0.1, "b", 0.0)), 2.4));
			windows.add(probed(window("b", round, "rate", 1, 1000, Map.of("a", 0.0, "b", slow ? 0.25 : 0.2)), 2.45));
		}

		TrialResult result = analyse(windows, 6);

		assertThat(result.cpuSpeed().slowRounds()).containsOnlyKeys(2, 5);
		assertThat(result.cpuSpeed().slowRounds().get(2)).isCloseTo(4.0 / 2.4, within(0.01));
		assertThat(result.cpuSpeed().roundsUsed()).containsExactly(1, 3, 4, 6, 7, 8);
		TrialResult.Target b = result.target("b").orElseThrow();
		assertThat(b.capacityRatio().low()).as("no slow round's ratio among them").isCloseTo(0.5, within(0.001));
		assertThat(b.capacityRatio().high()).isCloseTo(0.5, within(0.001));
		assertThat(b.cpuRatio().low()).isCloseTo(2.0, within(0.001));
		assertThat(result.valid()).isTrue();
		assertThat(result.measured(windows.get(4))).as("round 2's window").isFalse();
		assertThat(result.measured(windows.get(0))).as("round 1's window").isTrue();
	}

	@Test
	void aWindowJustOverTheLimitIsMeasuredAgainAsTheVerdictWouldCountItSlow() {
		// 2.405 ms against a fast level of 2.0: 1.2025×, which rounded to two decimals read 1.20 and was kept.
		List<TrialResult.Window> before = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			before.add(probed(window("a", 1, "capacity", 1, 10_000, Map.of("a", 0.5)), 2.0));
		}
		TrialResult.Window justOver = probed(window("a", 2, "capacity", 1, 10_000, Map.of("a", 0.5)), 2.405);

		Double slowness = TrialAnalysis.slowness(justOver, before);
		assertThat(InterleavedTrial.measureAgain(slowness, 0, true)).as("live, at %s×", slowness).isTrue();
		assertThat(TrialAnalysis.slow(justOver, TrialAnalysis.fastMillis(before))).as("the verdict's rule").isTrue();
		List<TrialResult.Window> all = new ArrayList<>(before);
		all.add(justOver);
		assertThat(TrialAnalysis.cpuSpeed("0", 1, all).slowRounds()).as("shown over the limit, not at it")
			.containsExactly(entry(2, 1.21));
	}

	@Test
	void aWindowSetAsideForASlowCpuIsLeftOutAndItsRoundIsAsFastAsTheWindowMeasuredAgain() {
		// b's capacity window of round 3 ran slow (2,000 req/s) and was measured again (5,000): round 3 counts, fast.
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			windows.add(probed(window("a", round, "capacity", 1, 10_000, Map.of("a", 0.5, "b", 0.0)), 2.4));
			if (round == 3) {
				TrialResult.Window slow = probed(window("b", round, "capacity", 1, 2_000, Map.of("a", 0.3, "b", 0.9)), 3.6);
				assertThat(TrialAnalysis.slowness(slow, windows)).isCloseTo(1.5, within(1e-9));
				windows.add(slow.asSetAside());
			}
			windows.add(probed(window("b", round, "capacity", 1, 5_000, Map.of("a", 0.0, "b", 0.5)), 2.4));
		}

		TrialResult result = analyse(windows, 6);

		assertThat(windows.get(5).phase()).isEqualTo("capacity-slow");
		assertThat(windows.get(5).setAside()).isTrue();
		assertThat(result.cpuSpeed().slowRounds()).isEmpty();
		assertThat(result.cpuSpeed().roundsUsed()).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(result.cpuSpeed().setAside()).isEqualTo(1);
		assertThat(result.measured(windows.get(5))).isFalse();
		assertThat(result.measured(windows.get(6))).as("round 3's window measured again").isTrue();
		TrialResult.Target b = result.target("b").orElseThrow();
		assertThat(b.capacityRatio().low()).isCloseTo(0.5, within(0.001));
		assertThat(b.capacity().values()).hasSize(6).containsOnly(5_000.0);
		assertThat(result.target("a").orElseThrow().idleCpuMillisPerSecond())
			.as("the set-aside window's CPU is no idle CPU of a").isZero();
		assertThat(result.valid()).isTrue();
		assertThat(TrialAnalysis.slowness(window("a", 1, "capacity", 1, 1, Map.of()), windows)).as("not probed").isNull();
	}

	@Test
	void tooFewFastRoundsKeepEveryRoundAndMakeTheTrialNotValid() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			double probe = round <= 3 ? 4.0 : 2.4;
			windows.add(probed(window("a", round, "capacity", 1, 10_000, Map.of("a", 0.5, "b", 0.0)), probe));
			windows.add(probed(window("b", round, "capacity", 1, 5_000, Map.of("a", 0.0, "b", 0.5)), probe));
			windows.add(probed(window("a", round, "rate", 1, 1000, Map.of("a", 0.1, "b", 0.0)), probe));
			windows.add(probed(window("b", round, "rate", 1, 1000, Map.of("a", 0.0, "b", 0.2)), probe));
		}

		TrialResult result = analyse(windows, 6);

		assertThat(result.cpuSpeed().slowRounds()).containsOnlyKeys(1, 2, 3);
		assertThat(result.cpuSpeed().roundsUsed()).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(result.valid()).isFalse();
		assertThat(result.warnings()).singleElement().asString().contains("ran slow in 3 of the 6 rounds");
	}

	@Test
	void theEndOfASlowStretchIsNoWarmUpButAWarmUpAmongTheFastRoundsStillIs() {
		// Rounds 1–4 ran slow, every configuration at 60%; in the fast rounds 5–8 a is level while b still rises.
		long[] bFast = { 3_000, 3_300, 4_800, 5_000 };
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 8; round++) {
			boolean slow = round <= 4;
			double probe = slow ? 4.0 : 2.4;
			windows.add(probed(window("a", round, "capacity", 1, slow ? 6_000 : 10_000, Map.of("a", 0.5, "b", 0.0)), probe));
			windows.add(probed(window("b", round, "capacity", 1, slow ? 1_800 : bFast[round - 5],
					Map.of("a", 0.0, "b", 0.5)), probe));
		}

		TrialResult result = analyse(windows, 6);

		assertThat(result.cpuSpeed().mixesSpeeds()).isTrue();
		assertThat(result.target("a").orElseThrow().converged()).as("a: level over the fast rounds").isTrue();
		assertThat(result.target("b").orElseThrow().converged()).as("b: rose 55%% over the fast rounds").isFalse();
		assertThat(result.warnings()).hasSize(2)
			.anySatisfy(w -> assertThat(w).contains("ran slow in 4 of the 8 rounds"))
			.anySatisfy(w -> assertThat(w).startsWith("b: its capacity rose"));
		assertThat(TrialAnalysis.capacityForTrend(windows.subList(0, 14), "a", result.cpuSpeed()))
			.as("three fast rounds: no trend to judge").isNull();
	}

	@Test
	void withoutAProbeEveryMeasuredRoundCounts() {
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			windows.add(window("a", round, "capacity", 1, 10_000, Map.of("a", 0.5, "b", 0.0)));
			windows.add(window("b", round, "capacity", 1, round == 1 ? 2_000 : 5_000, Map.of("a", 0.0, "b", 0.5)));
		}

		TrialResult result = analyse(windows, 6);

		assertThat(result.cpuSpeed()).isNull();
		assertThat(result.target("b").orElseThrow().capacityRatio().low()).isCloseTo(0.2, within(0.001));
		assertThat(result.measured(windows.get(0))).isTrue();
	}

	@Test
	void theFastLevelIsTheTenthPercentileOfTheSettlingAndMeasuredProbesNotTheWarmUps() {
		List<TrialResult.Window> windows = new ArrayList<>();
		windows.add(probed(window("a", 0, "warmup", 1, 1000, Map.of("a", 0.1)), 1.0));
		for (int i = 0; i < 10; i++) {
			windows.add(probed(window("a", i < 5 ? 0 : 1, i < 5 ? "settle" : "capacity", 1, 1000, Map.of("a", 0.1)),
					2.0 + 0.1 * i));
		}

		TrialResult.CpuSpeed speed = TrialAnalysis.cpuSpeed("0", 1, windows);

		assertThat(speed.fastMillis()).isEqualTo(2.0);
		assertThat(speed.slowRounds()).as("round 1 at most 2.9 ms: 1.45×").containsOnlyKeys(1);
	}

	@Test
	void theWaitsForAFastCpuAddUpAndTheFastLevelSoFarIsNoneBeforeAProbe() {
		List<TrialResult.Window> windows = new ArrayList<>();
		windows.add(window("a", 0, "warmup", 1, 1000, Map.of("a", 0.1)));
		assertThat(TrialAnalysis.fastMillis(windows)).as("no settling or measured window probed yet").isNull();
		for (int round = 1; round <= 3; round++) {
			TrialResult.Window w = probed(window("a", round, "capacity", 1, 1000, Map.of("a", 0.1)), 2.3);
			windows.add(new TrialResult.Window(w.target(), w.phase(), w.round(), w.startEpochMillis(), w.seconds(),
					w.requests(), w.errors(), w.throughput(), w.p50Ms(), w.p99Ms(), w.generatorCpuSeconds(),
					w.systemCpuSeconds(), w.processCpuSeconds(), w.redisCommands(), w.otherCpuSeconds(), w.redisCpuSeconds(),
					w.replicationBytes(), w.compilerShare(), w.cpuSpeedMillis(), round == 2 ? 12.0 : 0.0));
		}

		assertThat(TrialAnalysis.fastMillis(windows)).isEqualTo(2.3);
		assertThat(TrialAnalysis.cpuSpeed("0", 3, windows).waitedSeconds()).isEqualTo(12.0);
	}

	private static TrialResult analyse(List<TrialResult.Window> windows, int rounds) {
		Map<String, InterleavedTrial.Warmup> warm = new LinkedHashMap<>();
		warm.put("a", new InterleavedTrial.Warmup(List.of(), true, 10));
		warm.put("b", new InterleavedTrial.Warmup(List.of(), true, 10));
		return TrialAnalysis.analyse(settings(rounds), "a", 100, new TrialResult.Pinning("1", "0"),
				List.of(target("a"), target("b")), warm, Map.of(), windows);
	}

	private static TrialResult.Window probed(TrialResult.Window w, double cpuSpeedMillis) {
		return new TrialResult.Window(w.target(), w.phase(), w.round(), w.startEpochMillis(), w.seconds(), w.requests(),
				w.errors(), w.throughput(), w.p50Ms(), w.p99Ms(), w.generatorCpuSeconds(), w.systemCpuSeconds(),
				w.processCpuSeconds(), w.redisCommands(), w.otherCpuSeconds(), w.redisCpuSeconds(), w.replicationBytes(),
				w.compilerShare(), cpuSpeedMillis);
	}

	private static TrialResult.Window settle(String target, double throughput, double compilerShare) {
		return new TrialResult.Window(target, "settle", 0, 0, 1, (long) throughput, 0, throughput, 1, 2, 0.1,
				Map.of(target, 0.5), Map.of(), null, 0.0, null, null, compilerShare, null);
	}

	@Test
	void aCapacityStillRisingIsColdWhileEarlyDipsBesideAWarmRoundAreNot() {
		double[] rising = { 3_600, 3_700, 3_650, 4_200, 4_250, 4_300 };
		double[] dipping = { 11_600, 16_100, 13_300, 16_400, 16_300, 16_500 };
		Map<String, TrialResult> results = new LinkedHashMap<>();
		for (double[] capacity : List.of(rising, dipping)) {
			List<TrialResult.Window> windows = new ArrayList<>();
			for (int round = 1; round <= 6; round++) {
				windows.add(window("a", round, "capacity", 1, (long) capacity[round - 1], Map.of("a", 0.5)));
				windows.add(window("a", round, "rate", 1, 1000, Map.of("a", 0.1)));
			}
			results.put(capacity == rising ? "rising" : "dipping",
					TrialAnalysis.analyse(settings(6), "a", 1000, new TrialResult.Pinning("any", "any"), List.of(target("a")),
							Map.of("a", new InterleavedTrial.Warmup(List.of(), true, 10)), Map.of(), windows));
		}

		assertThat(results.get("rising").valid()).isFalse();
		assertThat(results.get("rising").warnings()).singleElement().asString().contains("still warming up");
		assertThat(results.get("dipping").valid()).isTrue();
		assertThat(results.get("dipping").warnings()).isEmpty();
		assertThat(results.get("dipping").targets().get(0).converged()).isTrue();
	}

	@Test
	void otherProcessesTakingTheMachinesCpuMakeTheTrialNotValid() {
		int cpus = Runtime.getRuntime().availableProcessors();
		Map<String, InterleavedTrial.Warmup> warm = Map.of("a", new InterleavedTrial.Warmup(List.of(), true, 10));
		List<TrialResult.Window> quiet = new ArrayList<>();
		List<TrialResult.Window> busy = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			// 2 s windows: 2 % and 30 % of the machine's CPU went to other processes.
			quiet.add(window("a", round, "capacity", 2, 10_000, Map.of("a", 0.5), 0.02 * 2 * cpus));
			quiet.add(window("a", round, "rate", 2, 1000, Map.of("a", 0.1), 0.02 * 2 * cpus));
			busy.add(window("a", round, "capacity", 2, 10_000, Map.of("a", 0.5), 0.30 * 2 * cpus));
			busy.add(window("a", round, "rate", 2, 1000, Map.of("a", 0.1), 0.30 * 2 * cpus));
		}

		TrialResult calm = TrialAnalysis.analyse(settings(6), "a", 1000, new TrialResult.Pinning("any", "any"),
				List.of(target("a")), warm, Map.of(), quiet);
		TrialResult disturbed = TrialAnalysis.analyse(settings(6), "a", 1000, new TrialResult.Pinning("any", "any"),
				List.of(target("a")), warm, Map.of(), busy);

		assertThat(calm.otherLoad()).isCloseTo(0.02, within(0.001));
		assertThat(calm.valid()).isTrue();
		assertThat(disturbed.otherLoad()).isCloseTo(0.30, within(0.001));
		assertThat(disturbed.valid()).isFalse();
		assertThat(disturbed.warnings()).singleElement().asString().contains("other processes used 30%");
	}

	@Test
	void aPacedRateNearAConfigurationsCapacityMakesTheTrialNotValid() {
		Map<String, InterleavedTrial.Warmup> warm = Map.of("a", new InterleavedTrial.Warmup(List.of(), true, 10));
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			windows.add(window("a", round, "capacity", 1, 1_250, Map.of("a", 0.9)));
			windows.add(window("a", round, "rate", 1, 1000, Map.of("a", 0.8)));
		}

		TrialResult below = TrialAnalysis.analyse(settings(6), "a", 800, new TrialResult.Pinning("any", "any"),
				List.of(target("a")), warm, Map.of(), windows);
		TrialResult near = TrialAnalysis.analyse(settings(6), "a", 1000, new TrialResult.Pinning("any", "any"),
				List.of(target("a")), warm, Map.of(), windows);

		assertThat(below.valid()).as("800 is 64%% of 1,250: %s", below.warnings()).isTrue();
		assertThat(near.valid()).isFalse();
		assertThat(near.warnings()).singleElement().asString().contains("is 80% of its capacity (1250)", "--rate");
	}

	/**
	 * A single Redis beside a primary with its replica and Sentinels: each role's CPU per request
	 * at the paced rate, its own idle CPU (from the other target's windows) subtracted; the
	 * Sentinels' CPU per second whatever the load; the replication stream per request.
	 */
	@Test
	void redisIsCountedByRoleWithEachRolesIdleCpuSubtracted() {
		// Idle CPU per second of each target: 1 ms its Redis, 2 ms the replica, 3 ms the Sentinels.
		Map<String, Map<String, Double>> singleLoaded = Map.of("clustered", Map.of("redis", 0.002 + 0.008),
				"clustered-ha", Map.of("redis", 0.002, "replica", 0.004, "sentinels", 0.006));
		Map<String, Map<String, Double>> haLoaded = Map.of("clustered", Map.of("redis", 0.002),
				"clustered-ha", Map.of("redis", 0.002 + 0.010, "replica", 0.004 + 0.006, "sentinels", 0.006));
		List<TrialResult.Window> windows = new ArrayList<>();
		for (int round = 1; round <= 6; round++) {
			for (String phase : List.of("capacity", "rate")) {
				windows.add(redisWindow("clustered", round, phase, singleLoaded, null));
				windows.add(redisWindow("clustered-ha", round, phase, haLoaded, 200_000L));
			}
		}
		Map<String, InterleavedTrial.Warmup> warm = new LinkedHashMap<>();
		warm.put("clustered", new InterleavedTrial.Warmup(List.of(), true, 10));
		warm.put("clustered-ha", new InterleavedTrial.Warmup(List.of(), true, 10));

		TrialResult result = TrialAnalysis.analyse(settings(6), "clustered", 500, new TrialResult.Pinning("1", "0"),
				List.of(target("clustered"), target("clustered-ha")), warm, Map.of(), windows);

		TrialResult.Target single = result.target("clustered").orElseThrow();
		TrialResult.Target ha = result.target("clustered-ha").orElseThrow();
		// (0.010 s − 0.001 s/s × 2 s) ÷ 1000 requests = 8 µs
		assertThat(single.redisCpuMicrosPerRequest().median()).isCloseTo(8, within(1e-6));
		assertThat(single.replicaCpuMicrosPerRequest()).isNull();
		assertThat(single.sentinelCpuMicrosPerRequest()).isNull();
		assertThat(single.sentinelCpuMillisPerSecond()).isNull();
		assertThat(single.replicationBytesPerRequest()).isNull();
		assertThat(ha.redisCpuMicrosPerRequest().median()).isCloseTo(10, within(1e-6));
		assertThat(ha.replicaCpuMicrosPerRequest().median()).isCloseTo(6, within(1e-6));
		assertThat(ha.sentinelCpuMicrosPerRequest().median()).as("the Sentinels' work does not grow with requests")
			.isCloseTo(0, within(1e-6));
		assertThat(ha.sentinelCpuMillisPerSecond()).isCloseTo(3, within(1e-6));
		// 200,000 bytes of stream over 1,000 requests
		assertThat(ha.replicationBytesPerRequest().median()).isCloseTo(200, within(1e-6));
	}

	@Test
	void aMembersRoleToRedisFollowsThePrimaryWhenTheTrialStarted() {
		TrialTarget ha = new TrialTarget("clustered-ha", "http://127.0.0.1:1", null, TrialTarget.ALL_KINDS, Map::of,
				6490, SystemCpu.HOST, "redis-2");
		TrialTarget single = new TrialTarget("clustered", "http://127.0.0.1:1", null, TrialTarget.ALL_KINDS, Map::of,
				6390, SystemCpu.HOST, "redis");

		assertThat(ha.redisRole("redis-2")).isEqualTo(TrialTarget.REDIS);
		assertThat(ha.redisRole("redis-1")).isEqualTo(TrialTarget.REPLICA);
		assertThat(ha.redisRole("sentinel-3")).isEqualTo(TrialTarget.SENTINELS);
		assertThat(ha.redisRole("app-1")).isNull();
		assertThat(ha.redisRole("nginx")).isNull();
		assertThat(ha.byRedisRole(Map.of("redis-2", 0.5, "redis-1", 0.25, "sentinel-1", 0.01, "sentinel-2", 0.02,
				"app-1", 3.0))).containsOnly(Map.entry("redis", 0.5), Map.entry("replica", 0.25), Map.entry("sentinels", 0.03));
		assertThat(single.byRedisRole(Map.of("redis", 0.5, "app-1", 3.0))).containsOnly(Map.entry("redis", 0.5));
		assertThat(target("reference").byRedisRole(Map.of("app", 1.0))).isEmpty();
	}

	/** A 2 s window of 1000 requests on one target, with every target's Redis CPU by role. */
	private static TrialResult.Window redisWindow(String target, int round, String phase,
			Map<String, Map<String, Double>> redisCpu, Long replicationBytes) {
		return new TrialResult.Window(target, phase, round, 0, 2, 1000, 0, 500, 1, 2, 0.1,
				Map.of("clustered", 0.1, "clustered-ha", 0.1), Map.of(), 2000L, 0.0, redisCpu, replicationBytes, null, null);
	}

	private static TrialSettings settings(int rounds) {
		return new TrialSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 0.05, rounds, 1, 4, 4, 2,
				TrialSettings.defaultMix(), 1000, Arrivals.FIXED, false, 1, Duration.ZERO);
	}

	private static TrialTarget target(String name) {
		return TrialTarget.external(name, "http://127.0.0.1:1", Map.of());
	}

	private static TrialResult.Window window(String target, int round, String phase, double seconds, long requests,
			Map<String, Double> cpu) {
		return window(target, round, phase, seconds, requests, cpu, 0.0);
	}

	private static TrialResult.Window window(String target, int round, String phase, double seconds, long requests,
			Map<String, Double> cpu, double otherCpuSeconds) {
		return new TrialResult.Window(target, phase, round, 0, seconds, requests, 0, requests / seconds, 1, 2, 0.1, cpu,
				Map.of(), null, otherCpuSeconds, null, null, null, null);
	}
}
