package org.authbench.harness.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.authbench.harness.metrics.MachineCpu;
import org.authbench.harness.metrics.MedianInterval;

import static org.authbench.harness.trial.TrialResult.Window.CAPACITY;
import static org.authbench.harness.trial.TrialResult.Window.RATE;
import static org.authbench.harness.trial.TrialResult.Window.SETTLE;
import static org.authbench.harness.trial.TrialResult.Window.SETTLE_PACED;

/** Reduces a trial's windows to figures: idle CPU, per-target medians, per-round ratios. */
final class TrialAnalysis {

	/** A window's errors above this share of its requests make the trial not valid. */
	static final double MAX_ERROR_SHARE = 0.001;

	/**
	 * The paced rate may be at most this share of a configuration's measured capacity: above it,
	 * requests queue (an open load near saturation), and its CPU per request at the rate is then
	 * partly queueing's, not the design's.
	 */
	static final double MAX_RATE_SHARE = 0.7;

	private TrialAnalysis() {
	}

	/**
	 * Other processes may use at most this share of the machine's CPU (median over the measured
	 * windows): more, and they took CPU from the measured systems.
	 */
	static final double MAX_OTHER_LOAD = 0.10;

	/** The median share of the machine's CPU that other processes used in the measured windows; null if not counted. */
	static Double otherLoad(List<TrialResult.Window> measured) {
		List<Double> shares = measured.stream()
			.filter(w -> w.otherCpuSeconds() != null && w.seconds() > 0)
			.map(w -> w.otherCpuSeconds() / (w.seconds() * MachineCpu.count()))
			.toList();
		return shares.isEmpty() ? null : Math.round(MedianInterval.of(shares).median() * 1000) / 1000.0;
	}

	/** Windows per block: warm-up compares the mean of the last block with the mean of the block before. */
	static final int BLOCK = 3;

	/**
	 * Measured capacity whose later rounds beat its earlier ones by more than this share was still
	 * warming, unless an early round already reached the later level within {@link #PLATEAU_TOLERANCE}.
	 */
	static final double MAX_TREND = 0.10;

	/** How close to the later rounds' median capacity an early round must come to show a warm JVM. */
	static final double PLATEAU_TOLERANCE = 0.05;

	/**
	 * Whether warm-up is over: the mean of the last {@value #BLOCK} windows agrees within the
	 * tolerance with the mean of the {@value #BLOCK} before them, in throughput and in CPU per
	 * request alike. Blocks, not single windows: a 3 s window on this machine varies by about ±5%
	 * from the next even when the JVM is steady, so two single windows rarely agree within 5% when
	 * they should, and sometimes agree when the JIT is merely between two bursts (seen: 2,792 and
	 * 2,933 req/s, then 4,400 once measured). A block's mean halves that noise; comparing two
	 * blocks also needs six windows at least. And the JIT compilers must be done: where a window
	 * holds their share of the JVMs' CPU (a third figure), the last block's mean share is at most
	 * {@link #WARMUP_JIT_QUIET}. Without that, a cold JVM's first plateau passed: in the demo of
	 * 2026-12-05 20:00, on a slow stretch, clustered served 640–774 req/s over windows 4–7 with its
	 * compilers at 34–47% of its CPU and was called steady at window 7 (it served 2,200 once warm),
	 * jwt likewise at 1,994 req/s with 38%, and the paced rate derived from that fell to 300/s.
	 */
	static boolean agree(List<double[]> windows, double tolerance) {
		int n = windows.size();
		if (n < 2 * BLOCK) {
			return false;
		}
		List<double[]> last = windows.subList(n - BLOCK, n);
		List<double[]> before = windows.subList(n - 2 * BLOCK, n - BLOCK);
		return close(mean(last, 0), mean(before, 0), tolerance) && close(mean(last, 1), mean(before, 1), tolerance)
				&& compilersDone(last);
	}

	/**
	 * The JIT compilers' mean share of the JVMs' CPU over a warm-up block may be at most this. When
	 * the two-block rule ended warm-up in the valid demos of 2026-12-05 19:39 and 19:48, the last
	 * block's compilers used 0–5% (mean); on a cold plateau 34–60%.
	 */
	static final double WARMUP_JIT_QUIET = 0.10;

	/** Whether the compilers' mean share over these windows (third figure; NaN or absent: unknown) is quiet enough. */
	static boolean compilersDone(List<double[]> block) {
		double[] shares = block.stream().filter(w -> w.length > 2 && !Double.isNaN(w[2])).mapToDouble(w -> w[2]).toArray();
		return shares.length == 0 || java.util.Arrays.stream(shares).average().orElse(0) <= WARMUP_JIT_QUIET;
	}

	private static double mean(List<double[]> windows, int figure) {
		return windows.stream().mapToDouble(w -> w[figure]).average().orElse(0);
	}

	private static boolean close(double a, double b, double tolerance) {
		return a > 0 && b > 0 && Math.abs(a - b) / Math.min(a, b) <= tolerance;
	}

	/** Two consecutive settling windows agree within this share of the lower one. */
	static final double SETTLE_TOLERANCE = 0.10;

	/**
	 * A settling window's JIT compilers may use at most this share of the JVMs' CPU. In a trial of
	 * 2026-12-04 the switch from warm-up (4 connections, every CPU) to the measured load (32,
	 * pinned) set the compilers of every configuration to work again: 17–25% of each JVM's CPU in
	 * the settling windows, 9–17% still in the first measured round, and the jwt app's capacity
	 * rose 27% in the fourth round once they were done (docs/method.md, section 3). Not 1%: a warm
	 * JVM's compilers pass 1% in a fifth of its windows (21% of the closed and 16% of the paced
	 * measured windows of every valid trial committed by 2026-12-05), so at 1% warm JVMs hit the
	 * settling bound. At 2% (11% and 10% of those windows) the 113 configurations of those trials
	 * would have settled 0.9 rounds sooner on average, at the same level against their later
	 * measured median as at 1% (10th percentile 0.94 against 0.92). Not 3%: in a demo at 3%
	 * clustered settled with its compilers at 3.0% and its CPU per request then fell 9% over the
	 * rounds (the trial called it cold). A cold JVM's compilers take 5–50%.
	 */
	static final double JIT_QUIET = 0.02;

	/**
	 * Whether a configuration has settled under the measured load: its last two closed settling
	 * windows agree in throughput within {@link #SETTLE_TOLERANCE}, and in the last closed window
	 * and the last paced one its JIT compilers used at most {@link #JIT_QUIET} of its JVMs' CPU (a
	 * window without a JVM to read, such as an external server without its PIDs, is judged on
	 * throughput alone).
	 */
	static boolean settled(List<TrialResult.Window> windows) {
		return settled(windows, null);
	}

	/**
	 * {@link #settled(List)}, counting only the closed windows whose probe read fast against
	 * {@code fastMillis} (the fast level of every window so far; null: every window counts). Two
	 * windows on a slow CPU agree at the slow level and say nothing of the JIT: in the reference
	 * run of 2026-12-06 20:10 the trial's first minute ran slow (probes 1.29–1.35× the level found
	 * later), jwt "settled" at 1,868 and 2,000 requests/s, and served 2,490 in its first measured
	 * round and 3,100–4,000 from the second on. No faster window had been seen yet, so the wait
	 * before each window could not tell; once one has, the earlier windows read slow and the
	 * target settles again on fast ones.
	 */
	static boolean settled(List<TrialResult.Window> windows, Double fastMillis) {
		List<TrialResult.Window> closed = closed(windows).stream().filter(w -> !slow(w, fastMillis)).toList();
		int n = closed.size();
		if (n < 2) {
			return false;
		}
		List<TrialResult.Window> paced = windows.stream().filter(w -> SETTLE_PACED.equals(w.phase())).toList();
		return close(closed.get(n - 1).throughput(), closed.get(n - 2).throughput(), SETTLE_TOLERANCE)
				&& quiet(closed.get(n - 1)) && (paced.isEmpty() || quiet(paced.get(paced.size() - 1)));
	}

	/** Whether a window's probe read over {@link #SLOW_CPU} × {@code fastMillis} (unknown either: no). */
	static boolean slow(TrialResult.Window window, Double fastMillis) {
		return fastMillis != null && window.cpuSpeedMillis() != null && window.cpuSpeedMillis() / fastMillis > SLOW_CPU;
	}

	/** The closed-load settling windows among these. */
	static List<TrialResult.Window> closed(List<TrialResult.Window> windows) {
		return windows.stream().filter(w -> SETTLE.equals(w.phase())).toList();
	}

	private static String lastShare(List<TrialResult.Window> windows, String phase) {
		List<TrialResult.Window> of = windows.stream().filter(w -> phase.equals(w.phase())).toList();
		Double share = of.isEmpty() ? null : of.get(of.size() - 1).compilerShare();
		return share == null ? "an unknown share" : "%.1f%%".formatted(share * 100);
	}

	private static boolean quiet(TrialResult.Window window) {
		return window.compilerShare() == null || window.compilerShare() <= JIT_QUIET;
	}

	/**
	 * The share by which the median capacity of the later half of the rounds exceeds the earlier
	 * half's: a configuration still warming up shows it, a steady one (whatever the machine's drift,
	 * which moves every configuration alike) does not.
	 */
	static double trend(List<Double> capacityByRound) {
		return laterHalfOver(capacityByRound, false);
	}

	/**
	 * The share by which the median capacity of the later half of the rounds exceeds the best
	 * round of the earlier half. JIT warm-up raises a JVM's capacity round after round; once one
	 * round has served at the later level, the JVM was warm, and lower rounds around it were the
	 * machine's dips. Seen in a demo of 2026-12-04: baseline 11.6k, 16.1k, 13.3k, 16.4k, 16.3k,
	 * 16.5k req/s, the low rounds inside one 35 s stretch in which every process ran slow
	 * (docs/results.md). A cold JVM's early rounds all stay below (seen: 3.6k, 4.0k, 3.9k, then
	 * 4.2k–4.3k: the best early round 6% below).
	 */
	static double laterHalfOverBestEarly(List<Double> capacityByRound) {
		return laterHalfOver(capacityByRound, true);
	}

	private static double laterHalfOver(List<Double> capacityByRound, boolean bestEarly) {
		int n = capacityByRound.size();
		if (n < 4) {
			return 0;
		}
		List<Double> earlier = capacityByRound.subList(0, n / 2);
		double early = bestEarly ? earlier.stream().mapToDouble(Double::doubleValue).max().orElse(0)
				: MedianInterval.of(earlier).median();
		double late = MedianInterval.of(capacityByRound.subList(n - n / 2, n)).median();
		return early > 0 ? late / early - 1 : 0;
	}

	/**
	 * A round in which a window's CPU speed probe took more than this × the trial's fast level ran
	 * on a slow CPU. This machine has two speeds. In the demos of 2026-12-05 19:39 and 19:48 (17
	 * rounds), every round whose highest probe was at most 1.16× had its windows within 1.13× of
	 * their configuration's median CPU per request on a fast CPU (one window excepted, 1.29×), and
	 * every round whose highest probe was 1.21× or more had a window at 1.31× or more (docs/method.md
	 * §4). The probe's own work feels the slow speed less than the apps do (1.2–1.45× where they
	 * took 1.7×).
	 */
	static final double SLOW_CPU = 1.20;

	/** The probed windows' share below which the fast level lies (the 10th percentile). */
	static final double FAST_QUANTILE = 0.10;

	/**
	 * The CPU speed over the measured rounds: the fast level (the {@value #FAST_QUANTILE} quantile
	 * of the probe over the settling and measured windows), the rounds that ran slow, and the rounds
	 * to take the figures from; null when no window was probed.
	 */
	static TrialResult.CpuSpeed cpuSpeed(String cpu, int roundsAsked, List<TrialResult.Window> windows) {
		Double fastLevel = fastMillis(windows);
		if (fastLevel == null) {
			return null;
		}
		double fast = fastLevel;
		Map<Integer, Double> slowRounds = new java.util.TreeMap<>();
		// A window set aside was measured again: the round is as fast as the windows it kept. Rounded up to
		// two decimals: a round at 1.2004x is slow, and "1.20x" next to "over 1.20x is slow" read as a
		// contradiction (demo of 2026-12-06 23:20).
		windows.stream()
			.filter(w -> w.round() > 0 && !w.setAside() && slow(w, fast))
			.forEach(w -> slowRounds.merge(w.round(), Math.ceil(w.cpuSpeedMillis() / fast * 100) / 100.0, Math::max));
		List<Integer> rounds = windows.stream().filter(w -> w.round() > 0).map(TrialResult.Window::round).distinct()
			.sorted().toList();
		List<Integer> fastRounds = rounds.stream().filter(r -> !slowRounds.containsKey(r)).toList();
		double waited = windows.stream().map(TrialResult.Window::waitedSeconds).filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue).sum();
		int setAside = (int) windows.stream().filter(TrialResult.Window::setAside).count();
		return new TrialResult.CpuSpeed(cpu, Math.round(fast * 1000) / 1000.0, SLOW_CPU, slowRounds,
				fastRounds.size() >= roundsAsked ? fastRounds : rounds, waited, setAside);
	}

	/**
	 * The fast level of the CPU speed probe: the {@value #FAST_QUANTILE} quantile of its readings
	 * over the settling and measured windows so far, ms; null when no window was probed.
	 */
	static Double fastMillis(List<TrialResult.Window> windows) {
		List<Double> probed = windows.stream()
			.filter(w -> w.cpuSpeedMillis() != null && (w.round() > 0 || w.phase().startsWith(SETTLE)))
			.map(TrialResult.Window::cpuSpeedMillis)
			.sorted()
			.toList();
		return probed.isEmpty() ? null : probed.get((int) Math.floor(FAST_QUANTILE * (probed.size() - 1)));
	}

	/**
	 * How slow a window's CPU ran: its probe ÷ the fast level of the windows before it; null when
	 * either is unknown. Not rounded: compared with {@link #SLOW_CPU} as {@link #slow} compares, so
	 * that a window at 1.201× is not kept as 1.20× while it is measured and counted slow after.
	 */
	static Double slowness(TrialResult.Window window, List<TrialResult.Window> before) {
		Double fast = fastMillis(before);
		return fast == null || window.cpuSpeedMillis() == null ? null : window.cpuSpeedMillis() / fast;
	}

	/** Fewer fast rounds than this leave no trend to judge: two halves of one or two rounds each are noise. */
	static final int MIN_TREND_ROUNDS = 4;

	/**
	 * A configuration's capacity by round, for the trend check: from the fast rounds alone where the
	 * figures had to take slow ones too, since a slow stretch's end looks like a warm-up (a trial
	 * of 2026-12-05, 21:41: rounds 1–5 slow, and both configurations' capacity "rose" 55–59%); null
	 * when fewer than {@link #MIN_TREND_ROUNDS} of those remain, and the speed warning already
	 * says why the figures are not valid.
	 */
	static List<Double> capacityForTrend(List<TrialResult.Window> measured, String name, TrialResult.CpuSpeed speed) {
		boolean fastOnly = speed != null && speed.mixesSpeeds();
		MedianInterval capacity = perRound(fastOnly
				? measured.stream().filter(w -> !speed.slowRounds().containsKey(w.round())).toList() : measured, name,
				CAPACITY, TrialResult.Window::throughput);
		return capacity == null || fastOnly && capacity.values().size() < MIN_TREND_ROUNDS ? null : capacity.values();
	}

	static TrialResult analyse(TrialSettings settings, String reference, int rate, TrialResult.Pinning pinning,
			List<TrialTarget> targets, Map<String, InterleavedTrial.Warmup> warm,
			Map<String, InterleavedTrial.PairSpec> pairs, List<TrialResult.Window> windows) {
		TrialResult.CpuSpeed speed = cpuSpeed(Cpus.first(pinning.systemCpus()), settings.rounds(), windows);
		List<TrialResult.Window> measured = windows.stream()
			.filter(w -> speed == null ? w.round() > 0 : speed.uses(w))
			.toList();
		// Idle CPU only from the measured rounds: in warm-up every target is loaded at once.
		Map<String, Double> idle = new LinkedHashMap<>();
		targets.forEach(t -> idle.put(t.name(), idleCpuPerSecond(t.name(), measured)));
		List<String> warnings = new ArrayList<>();
		// The fast level the settling loop judged by when it ended: its own windows' (the rounds' may lower it later).
		Double settleFast = fastMillis(windows.stream().filter(w -> w.phase().startsWith(SETTLE)).toList());
		if (speed != null && speed.mixesSpeeds()) {
			warnings.add(("the systems' CPU ran slow in %d of the %d rounds (%s: its speed probe took up to %.2f× its fast"
					+ " level; more than %.2f× is slow), and fewer than %d rounds remained: their figures mix the machine's"
					+ " speeds, which move the designs' costs unequally; measure on a quieter stretch of the machine")
				.formatted(speed.slowRounds().size(), speed.roundsUsed().size(), speed.slowRounds().keySet(),
						speed.slowest(), SLOW_CPU, settings.rounds()));
		}
		List<TrialResult.Target> results = new ArrayList<>();
		for (TrialTarget target : targets) {
			String name = target.name();
			InterleavedTrial.Warmup warmup = warm.get(name);
			boolean steady = warmup.converged();
			if (!steady) {
				warnings.add(name + ": warm-up did not converge within " + warmup.windows().size()
						+ " windows (throughput and CPU per request within " + Math.round(settings.tolerance() * 100)
						+ "%): its figures are from a cold JVM");
			}
			List<TrialResult.Window> settling = windows.stream()
				.filter(w -> w.target().equals(name) && w.phase().startsWith(SETTLE))
				.toList();
			if (steady && !closed(settling).isEmpty() && !settled(settling, settleFast)) {
				steady = false;
				warnings.add("%s: it did not settle under the measured load within %d rounds (the last two closed windows on a fast CPU within %.0f%%, the JIT compilers at most %.0f%% of its CPU; at the end they used %s closed and %s paced): its figures are cold"
					.formatted(name, closed(settling).size(), SETTLE_TOLERANCE * 100, JIT_QUIET * 100,
							lastShare(settling, SETTLE), lastShare(settling, SETTLE_PACED)));
			}
			MedianInterval capacity = perRound(measured, name, CAPACITY, TrialResult.Window::throughput);
			List<Double> byRound = capacityForTrend(measured, name, speed);
			double trend = byRound == null ? 0 : trend(byRound);
			if (steady && trend > MAX_TREND) {
				double overBest = laterHalfOverBestEarly(byRound);
				if (overBest > PLATEAU_TOLERANCE) {
					steady = false;
					warnings.add("%s: its capacity rose by %.0f%% from the first half of the rounds to the second, and no round of the first half came within %.0f%% of the second's level: it was still warming up, its figures are cold"
						.formatted(name, trend * 100, PLATEAU_TOLERANCE * 100));
				}
			}
			if (capacity != null && rate > MAX_RATE_SHARE * capacity.median()) {
				warnings.add("%s: the paced rate, %d requests/s, is %.0f%% of its capacity (%.0f): near saturation its CPU per request is partly queueing's; give a lower --rate (at most %.0f%% of the lowest capacity)"
					.formatted(name, rate, 100 * rate / capacity.median(), capacity.median(), MAX_RATE_SHARE * 100));
			}
			long errors = measured.stream().filter(w -> w.target().equals(name)).mapToLong(TrialResult.Window::errors).sum();
			long requests = measured.stream().filter(w -> w.target().equals(name)).mapToLong(TrialResult.Window::requests).sum();
			if (errors > MAX_ERROR_SHARE * requests) {
				warnings.add("%s: %d of %d requests failed (non-2xx or socket errors)".formatted(name, errors, requests));
			}
			boolean isReference = name.equals(reference);
			results.add(new TrialResult.Target(name, steady, warmup.windows().size(), warmup.seconds(),
					capacity,
					perRound(measured, name, CAPACITY, w -> w.cpuMicrosPerRequest(idle.get(name))),
					perRound(measured, name, RATE, w -> w.cpuMicrosPerRequest(idle.get(name))),
					Math.round(idle.get(name) * 1e6) / 1000.0,
					isReference ? null : ratio(measured, name, reference, CAPACITY, TrialResult.Window::throughput, idle, false),
					isReference ? null : ratio(measured, name, reference, RATE, null, idle, false),
					perRound(measured, name, CAPACITY, TrialResult.Window::p99Ms),
					perRound(measured, name, CAPACITY,
							w -> w.generatorCpuSeconds() / (w.seconds() * MachineCpu.count())),
					errors, perRound(measured, name, CAPACITY,
							w -> w.redisCommands() == null || w.requests() == 0 ? Double.NaN
									: (double) w.redisCommands() / w.requests()),
					redisRoleAtRate(measured, name, TrialTarget.REDIS), redisRoleAtRate(measured, name, TrialTarget.REPLICA),
					redisRoleAtRate(measured, name, TrialTarget.SENTINELS),
					redisRolePerSecond(measured, name, TrialTarget.SENTINELS),
					perRound(measured, name, CAPACITY, w -> w.replicationBytes() == null || w.requests() == 0 ? Double.NaN
							: (double) w.replicationBytes() / w.requests())));
		}
		List<TrialResult.Pair> pairResults = new ArrayList<>();
		pairs.forEach((name, pair) -> {
			if (idle.containsKey(name) && idle.containsKey(pair.against())) {
				pairResults.add(new TrialResult.Pair(pair.what(), name, pair.against(),
						ratio(measured, name, pair.against(), CAPACITY, TrialResult.Window::throughput, idle, false),
						ratio(measured, name, pair.against(), RATE, null, idle, false),
						ratio(measured, name, pair.against(), RATE, null, idle, true)));
			}
		});
		Double otherLoad = otherLoad(measured);
		if (otherLoad != null && otherLoad > MAX_OTHER_LOAD) {
			warnings.add(("other processes used %.0f%% of the machine's CPU during the measured windows (median; at most "
					+ "%.0f%% is quiet enough): the systems competed with them, so the figures are not the designs' alone; "
					+ "measure on a quiet machine").formatted(otherLoad * 100, MAX_OTHER_LOAD * 100));
		}
		if (settings.rounds() < MedianInterval.MIN_VALUES) {
			warnings.add("only " + settings.rounds() + " rounds: a 95% interval needs at least " + MedianInterval.MIN_VALUES);
		}
		boolean valid = warnings.isEmpty();
		return new TrialResult(TrialResult.SCHEMA, settings, reference, rate, pinning, otherLoad, JIT_QUIET, valid,
				warnings, results, pairResults, windows, speed);
	}

	/**
	 * The system's CPU per second while another target was loaded: what it burns unloaded
	 * (timers, GC, Redis's cron), subtracted from its loaded windows.
	 */
	static double idleCpuPerSecond(String name, List<TrialResult.Window> windows) {
		double cpu = 0;
		double seconds = 0;
		for (TrialResult.Window window : windows) {
			if (!window.target().equals(name) && window.systemCpuSeconds().containsKey(name)) {
				cpu += window.systemCpuSeconds().get(name);
				seconds += window.seconds();
			}
		}
		return seconds > 0 ? cpu / seconds : 0;
	}

	/**
	 * CPU µs per request of one Redis role of a target at the paced rate, with the role's idle CPU
	 * (from the windows in which another target was loaded) subtracted; null when not counted.
	 */
	static MedianInterval redisRoleAtRate(List<TrialResult.Window> windows, String name, String role) {
		double cpu = 0;
		double seconds = 0;
		for (TrialResult.Window window : windows) {
			Double used = window.redisCpu(name, role);
			if (!window.target().equals(name) && used != null) {
				cpu += used;
				seconds += window.seconds();
			}
		}
		double idle = seconds > 0 ? cpu / seconds : 0;
		return perRound(windows, name, RATE, w -> {
			Double used = w.redisCpu(name, role);
			return used == null || w.requests() == 0 ? Double.NaN
					: Math.max(0, used - idle * w.seconds()) * 1e6 / w.requests();
		});
	}

	/** CPU ms per second of one Redis role of a target over every measured window, loaded or not; null when not counted. */
	static Double redisRolePerSecond(List<TrialResult.Window> windows, String name, String role) {
		double cpu = 0;
		double seconds = 0;
		for (TrialResult.Window window : windows) {
			Double used = window.redisCpu(name, role);
			if (used != null) {
				cpu += used;
				seconds += window.seconds();
			}
		}
		return seconds > 0 ? Math.round(cpu / seconds * 1e6) / 1000.0 : null;
	}

	private static MedianInterval perRound(List<TrialResult.Window> windows, String name, String phase,
			ToDoubleFunction<TrialResult.Window> figure) {
		List<Double> values = windows.stream()
			.filter(w -> w.target().equals(name) && w.phase().equals(phase))
			.map(w -> round(figure.applyAsDouble(w)))
			.filter(v -> !v.isNaN())
			.toList();
		return values.isEmpty() ? null : MedianInterval.of(values);
	}

	/**
	 * Per round: the target's figure ÷ (or, with {@code difference}, minus) the other's in the same
	 * round; a null figure means CPU µs per request with each side's idle CPU subtracted.
	 */
	private static MedianInterval ratio(List<TrialResult.Window> windows, String name, String other, String phase,
			ToDoubleFunction<TrialResult.Window> figure, Map<String, Double> idle, boolean difference) {
		Map<Integer, Double> mine = byRound(windows, name, phase, figure, idle);
		Map<Integer, Double> theirs = byRound(windows, other, phase, figure, idle);
		List<Double> values = new ArrayList<>();
		mine.forEach((round, value) -> {
			Double base = theirs.get(round);
			if (base != null && base > 0 && !value.isNaN()) {
				values.add(round(difference ? value - base : value / base));
			}
		});
		return values.isEmpty() ? null : MedianInterval.of(values);
	}

	private static Map<Integer, Double> byRound(List<TrialResult.Window> windows, String name, String phase,
			ToDoubleFunction<TrialResult.Window> figure, Map<String, Double> idle) {
		Map<Integer, Double> values = new LinkedHashMap<>();
		windows.stream()
			.filter(w -> w.target().equals(name) && w.phase().equals(phase))
			.forEach(w -> values.put(w.round(),
					figure != null ? figure.applyAsDouble(w) : w.cpuMicrosPerRequest(idle.get(name))));
		return values;
	}

	private static double round(double value) {
		return Double.isNaN(value) ? value : Math.round(value * 10000) / 10000.0;
	}
}
