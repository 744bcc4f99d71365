package org.authbench.harness.trial;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.authbench.harness.load.LoadDefaults;

/**
 * How an interleaved trial measures (docs/method.md).
 *
 * @param window length of each measured window, closed and paced alike
 * @param warmupWindow length of each warm-up window
 * @param maxWarmupWindows warm-up windows per target at most; a target still moving then is cold
 * @param tolerance two consecutive warm-up windows agree when throughput and CPU per request each
 * differ by at most this share (0.05)
 * @param rounds measured rounds (each target once per round, in a fresh random order); at least 6
 * for a 95% interval of the median
 * @param threads wrk threads
 * @param connections wrk connections in the measured closed-load windows (the concurrency)
 * @param warmupConnections wrk connections during warm-up: as many as measured. With 4 (so that the
 * compiler threads got CPU next to the request threads) the JIT recompiled much of the hot code
 * once the 32 measured connections came: 17–25% of each JVM's CPU in the first windows after the
 * switch, and 93 s of settling in a demo. With the compilers' priority raised for the warm-up
 * ({@link JitPriority}) 32 connections warm as fast, and settling took 42 s with the compilers at
 * about 1% from its first window (trials of 2026-12-04)
 * @param users users logged in per target, whose credentials the requests cycle through
 * @param mix request kinds in percent, in tens: {@code me}, {@code items}, {@code write}
 * @param rate the paced windows' requests/s; null: {@link #DEFAULT_RATE}, or half the lowest warm
 * capacity of all targets when that is less
 * @param arrivals how the paced windows' requests arrive; null (a trial.json from before the setting):
 * {@link Arrivals#FIXED}, the only pattern then
 * @param pin the generator on a CPU of its own and the systems on the others (when the machine has
 * at least two)
 * @param seed of the random round orders and, plus the round's number, of its Poisson waits;
 * recorded so that a trial's order can be replayed
 * @param slowWait the most time the whole trial waits, before its pinned windows, for the systems'
 * CPU to run fast again ({@link SlowCpuWait}); null (a trial.json from before the setting): none
 */
public record TrialSettings(Duration window, Duration warmupWindow, int maxWarmupWindows, double tolerance, int rounds,
		int threads, int connections, int warmupConnections, int users, Map<String, Integer> mix, Integer rate,
		Arrivals arrivals, boolean pin, long seed, Duration slowWait) {

	/**
	 * The paced windows' rate unless given: one for every comparison, below every configuration's
	 * capacity on one core of this machine (clustered, the slowest, served 1,745–2,453 requests/s
	 * pinned in three demos of 2026-12-05: 800 is at most 46% of it).
	 */
	public static final int DEFAULT_RATE = 800;

	public TrialSettings {
		mix = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mix));
		arrivals = arrivals == null ? Arrivals.FIXED : arrivals;
		slowWait = slowWait == null ? Duration.ZERO : checkSlowWait(slowWait);
		checkRounds(rounds);
		checkWarmupWindows(maxWarmupWindows);
		if (connections < threads || warmupConnections < threads || users < 1) {
			throw new IllegalArgumentException("a trial needs connections ≥ threads and at least one user");
		}
		if (rate != null && rate < 1) {
			throw new IllegalArgumentException("--rate must be positive, was " + rate);
		}
		Workload.slots(mix);
	}

	/**
	 * The demo's: 2 s measured windows (20,000 requests and more at this machine's capacities),
	 * 2 s warm-up windows, at most 45 of them per configuration (90 s), six rounds (the fewest that
	 * give a 95% interval). With 3 s warm-up windows the demo's warm-up took 159–185 s; its
	 * configurations were steady after 27–40 s of their own load, and the rule (two blocks of
	 * three windows that agree) then needs 18 s more, 12 s with 2 s windows. Two blocks agree
	 * within 10%, the settling rule's tolerance: unpinned 2 s windows of a JVM whose compilers
	 * are done still move ±10–15% from one to the next (jwt, demo of 20:35: 5.5k–7.6k req/s over
	 * its last 15 windows), and waiting for 5% took up to 14 windows more. The settling rounds
	 * that follow (pinned, the compilers quiet) and the check over the rounds judge steadiness
	 * again; on four of today's trials 10% ended the slowest configuration's warm-up 3–6 windows
	 * sooner.
	 */
	public static TrialSettings quick(Map<String, Integer> mix) {
		return new TrialSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 45, 0.10, 6, 2, 32, 32, 16, mix, null,
				Arrivals.POISSON, true, System.nanoTime(), QUICK_SLOW_WAIT);
	}

	/** The full comparison's. */
	public static TrialSettings full(Map<String, Integer> mix) {
		return new TrialSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 40, 0.05, 10, 2, 32, 32, 16, mix, null,
				Arrivals.POISSON, true, System.nanoTime(), FULL_SLOW_WAIT);
	}

	/** {@code count} as the trial's rounds, or the reason it cannot be (before any stack starts, for compare). */
	public static int checkRounds(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1, was " + count);
		}
		return count;
	}

	/** {@code count} as a warm-up bound, or the reason it cannot be one (before any stack starts, for compare). */
	public static int checkWarmupWindows(int count) {
		if (count < 2) {
			throw new IllegalArgumentException("--warmup-windows must be at least 2 (two blocks of windows are compared), was "
					+ count);
		}
		return count;
	}

	/**
	 * The demo's most wait for a fast CPU: a slow stretch of tens of seconds (SlowCpuWait) can be
	 * waited out once, within the demo's 8 minutes; the rounds added after slow ones remain.
	 */
	public static final Duration QUICK_SLOW_WAIT = Duration.ofSeconds(60);

	/** A full comparison's (its rounds of 60 s and more meet several slow stretches). */
	public static final Duration FULL_SLOW_WAIT = Duration.ofMinutes(5);

	/** {@code total} as the trial's most wait for a fast CPU, or the reason it cannot be one. */
	public static Duration checkSlowWait(Duration total) {
		if (total.isNegative()) {
			throw new IllegalArgumentException("--slow-wait must not be negative, was " + total);
		}
		return total;
	}

	/**
	 * These settings with the {@code trial} command's own: the paced windows' rate (null: derived
	 * from the warm capacities) and whether to pin the generator and the systems to CPUs of their own.
	 */
	public TrialSettings withRateAndPinning(Integer requestsPerSecond, boolean pinned) {
		return new TrialSettings(this.window, this.warmupWindow, this.maxWarmupWindows, this.tolerance, this.rounds,
				this.threads, this.connections, this.warmupConnections, this.users, this.mix, requestsPerSecond, this.arrivals,
				pinned, this.seed, this.slowWait);
	}

	/** The mix of the throughput scenario, the one of the Gatling runs ({@link LoadDefaults#mix}). */
	public static Map<String, Integer> defaultMix() {
		return parseMix(LoadDefaults.mix());
	}

	/** Parses {@code items=100} or {@code me=40,items=40,write=20}. */
	public static Map<String, Integer> parseMix(String text) {
		Map<String, Integer> mix = new LinkedHashMap<>();
		for (String part : text.split(",")) {
			String[] pair = part.trim().split("=");
			if (pair.length != 2 || !TrialTarget.ALL_KINDS.contains(pair[0].trim())) {
				throw new IllegalArgumentException("a mix is kind=percent,… with kinds " + TrialTarget.ALL_KINDS + "; was " + text);
			}
			mix.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
		}
		Workload.slots(mix);
		return mix;
	}
}
