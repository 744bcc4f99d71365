package org.authbench.harness.trial;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;

/**
 * {@code trial.json} (schema {@value #SCHEMA}): what an interleaved trial measured, every window
 * included, so that any figure can be recomputed from it.
 *
 * @param reference the target every ratio is to (the baseline)
 * @param rate the paced windows' requests/s
 * @param pinning which CPUs the generator and the systems had
 * @param otherLoad the median share of the machine's CPU that other processes used during the
 * measured windows (null in files written before it was counted)
 * @param compilerQuiet the share of a JVM's CPU its JIT compilers may use in the window that
 * ends its settling (null in files written before it was recorded, when it was 0.01)
 * @param valid every target reached steady state and no window saw errors
 * @param targets one per configuration
 * @param pairs ratios of one configuration to another that differ in one setting (observability)
 * @param windows every window, warm-up included, in the order run
 * @param cpuSpeed how fast the systems' CPU ran in each round, and which rounds the figures are
 * from (null: not probed, and in older files, whose figures are from every round)
 */
public record TrialResult(String schema, TrialSettings settings, String reference, int rate, Pinning pinning,
		Double otherLoad, Double compilerQuiet, boolean valid, List<String> warnings, List<Target> targets,
		List<Pair> pairs, List<Window> windows, CpuSpeed cpuSpeed) {

	public static final String SCHEMA = "authbench.trial/1";

	/** Without the CPU's speed (not probed). */
	public TrialResult(String schema, TrialSettings settings, String reference, int rate, Pinning pinning,
			Double otherLoad, Double compilerQuiet, boolean valid, List<String> warnings, List<Target> targets,
			List<Pair> pairs, List<Window> windows) {
		this(schema, settings, reference, rate, pinning, otherLoad, compilerQuiet, valid, warnings, targets, pairs,
				windows, null);
	}

	/**
	 * The systems' CPU's speed over the measured rounds ({@link org.authbench.harness.metrics.CpuSpeed}).
	 *
	 * @param cpu the CPU probed
	 * @param fastMillis the trial's fast level: the 10th percentile of the probe's CPU ms over the
	 * settling and measured windows
	 * @param slowFactor a round in which a window's probe took more than this × the fast level ran slow
	 * @param slowRounds the rounds that ran slow, each with its slowest probe ÷ the fast level
	 * @param roundsUsed the rounds the figures are from: those that did not run slow when they are
	 * at least as many as the rounds asked for, else every round (and a warning)
	 * @param waitedSeconds how long the trial waited in all, before settling and measured windows,
	 * for the CPU to run fast again ({@link SlowCpuWait}; 0 in older files)
	 * @param setAside measured windows set aside because their own probes read slow, each measured
	 * again ({@link Window#SET_ASIDE}; 0 in older files)
	 */
	public record CpuSpeed(String cpu, double fastMillis, double slowFactor, Map<Integer, Double> slowRounds,
			List<Integer> roundsUsed, double waitedSeconds, int setAside) {

		/** A speed over rounds the trial did not wait before. */
		public CpuSpeed(String cpu, double fastMillis, double slowFactor, Map<Integer, Double> slowRounds,
				List<Integer> roundsUsed) {
			this(cpu, fastMillis, slowFactor, slowRounds, roundsUsed, 0, 0);
		}

		/** The slowest round's probe ÷ the fast level; 0 when no round ran slow. */
		public double slowest() {
			return this.slowRounds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		}

		/** Whether the figures take slow rounds too (too few fast ones remained). */
		public boolean mixesSpeeds() {
			return this.roundsUsed.stream().anyMatch(this.slowRounds::containsKey);
		}

		/** Whether a window belongs to the rounds the figures are from (warm-up, settling and windows set aside do not). */
		public boolean uses(Window window) {
			return window.round() > 0 && !window.setAside() && this.roundsUsed.contains(window.round());
		}
	}

	/** Whether a window is one the figures are from: a measured round's, and with a speed probe, a used round's. */
	public boolean measured(Window window) {
		return this.cpuSpeed == null ? window.round() > 0 && !window.setAside() : this.cpuSpeed.uses(window);
	}

	/** Reads a {@code trial.json}. */
	public static TrialResult read(Path file) {
		return InterleavedTrial.JSON.readValue(file.toFile(), TrialResult.class);
	}

	/**
	 * @param generatorCpus the generator's CPUs ({@code taskset -c} list), or "any"
	 * @param systemCpus the systems' CPUs, or "any"
	 */
	public record Pinning(String generatorCpus, String systemCpus) {
	}

	/**
	 * One configuration's figures, each the median over the measured rounds with its 95% interval.
	 *
	 * @param converged its warm-up ended because two consecutive windows agreed (else: cold, and the
	 * trial is not valid)
	 * @param capacity requests/s under closed load
	 * @param cpuAtCapacity system CPU µs per request under closed load (apps + nginx + Redis, idle subtracted)
	 * @param cpuAtRate system CPU µs per request at the fixed paced rate, idle subtracted: the cost
	 * figure the generator cannot distort
	 * @param idleCpuMillisPerSecond the system's CPU when not loaded (what was subtracted)
	 * @param capacityRatio per round: capacity ÷ the reference's in the same round (null for the reference)
	 * @param cpuRatio per round: cpuAtRate ÷ the reference's in the same round (null for the reference)
	 * @param latencyP99Ms wrk's p99 under closed load (closed-loop: it shows queueing at saturation)
	 * @param generatorShare the generator's CPU ÷ the machine's, under closed load
	 * @param errors non-2xx answers and socket errors in the measured windows
	 * @param redisCommandsPerRequest Redis commands per request under closed load (null without Redis;
	 * with Sentinel the primary's, the Sentinels' PINGs and hellos included)
	 * @param redisCpuMicrosPerRequest CPU µs per request at the paced rate of the Redis the apps write
	 * to (the single one, or the primary), its idle CPU subtracted; part of {@code cpuAtRate}
	 * @param replicaCpuMicrosPerRequest the same for the replica (applying the replication stream);
	 * null without one
	 * @param sentinelCpuMicrosPerRequest the same for the three Sentinels together (their work does
	 * not grow with requests: about 0 once their idle CPU is subtracted); null without them
	 * @param sentinelCpuMillisPerSecond the Sentinels' CPU per second, loaded or not: what they cost
	 * whatever the load (null without them)
	 * @param replicationBytesPerRequest bytes of replication stream per request under closed load (the
	 * primary's {@code master_repl_offset}; each replica receives them); null without a replica
	 */
	public record Target(String name, boolean converged, int warmupWindows, double warmupSeconds,
			MedianInterval capacity, MedianInterval cpuAtCapacity, MedianInterval cpuAtRate,
			double idleCpuMillisPerSecond, MedianInterval capacityRatio, MedianInterval cpuRatio,
			MedianInterval latencyP99Ms, MedianInterval generatorShare, long errors,
			MedianInterval redisCommandsPerRequest, MedianInterval redisCpuMicrosPerRequest,
			MedianInterval replicaCpuMicrosPerRequest, MedianInterval sentinelCpuMicrosPerRequest,
			Double sentinelCpuMillisPerSecond, MedianInterval replicationBytesPerRequest) {
	}

	/**
	 * A configuration against another that differs from it in one setting, per round.
	 *
	 * @param what the setting, e.g. "Spring Boot's default observability"
	 */
	public record Pair(String what, String target, String against, MedianInterval capacityRatio,
			MedianInterval cpuRatio, MedianInterval extraCpuMicrosPerRequest) {
	}

	/**
	 * One window of load on one target.
	 *
	 * @param phase {@code warmup}, {@code settle}, {@code settle-paced}, {@code capacity} (closed) or
	 * {@code rate} (paced); {@code capacity-slow} or {@code rate-slow} for a measured window set
	 * aside because the CPU ran slow in it ({@link #SET_ASIDE})
	 * @param round the measured round (0 in warm-up)
	 * @param systemCpuSeconds CPU of each target's system during this window (the loaded one and
	 * the idle ones: the idle ones give the idle CPU)
	 * @param processCpuSeconds CPU of each process of the loaded target's system
	 * @param redisCommands commands the loaded target's Redis ran in the window (null: no Redis, or it
	 * could not be counted)
	 * @param otherCpuSeconds CPU that processes other than the systems, the generator and authbench
	 * itself used meanwhile (null in files written before it was counted)
	 * @param redisCpuSeconds of each target with Redis (the loaded one and the idle ones), the CPU of its
	 * Redis processes by role ({@link TrialTarget#redisRole}: redis, replica, sentinels); null in older files
	 * @param replicationBytes replication stream the loaded target's primary produced in the window
	 * (null: no replica, or not known)
	 * @param compilerShare the JIT compiler threads' share of the loaded target's JVMs' CPU in the
	 * window ({@link org.authbench.harness.metrics.CompilerCpu}); null without a JVM whose threads
	 * could be read, and in older files
	 * @param cpuSpeedMillis the systems' CPU's speed around the window: CPU milliseconds of the
	 * {@link org.authbench.harness.metrics.CpuSpeed} probe's fixed work, the slower of its samples just
	 * before and just after the window (more: slower); null when not probed, and in older files
	 * @param waitedSeconds how long the trial waited before the window for the systems' CPU to run
	 * fast again ({@link SlowCpuWait}); null when not probed, and in older files
	 */
	public record Window(String target, String phase, int round, long startEpochMillis, double seconds, long requests,
			long errors, double throughput, double p50Ms, double p99Ms, double generatorCpuSeconds,
			Map<String, Double> systemCpuSeconds, Map<String, Double> processCpuSeconds, Long redisCommands,
			Double otherCpuSeconds, Map<String, Map<String, Double>> redisCpuSeconds, Long replicationBytes,
			Double compilerShare, Double cpuSpeedMillis, Double waitedSeconds) {

		/** A window with no wait recorded: a warm-up window, or one of a trial without a speed probe. */
		public Window(String target, String phase, int round, long startEpochMillis, double seconds, long requests,
				long errors, double throughput, double p50Ms, double p99Ms, double generatorCpuSeconds,
				Map<String, Double> systemCpuSeconds, Map<String, Double> processCpuSeconds, Long redisCommands,
				Double otherCpuSeconds, Map<String, Map<String, Double>> redisCpuSeconds, Long replicationBytes,
				Double compilerShare, Double cpuSpeedMillis) {
			this(target, phase, round, startEpochMillis, seconds, requests, errors, throughput, p50Ms, p99Ms,
					generatorCpuSeconds, systemCpuSeconds, processCpuSeconds, redisCommands, otherCpuSeconds, redisCpuSeconds,
					replicationBytes, compilerShare, cpuSpeedMillis, null);
		}

		/** The phase of a measured window of closed load (capacity), and of a paced one (CPU per request at the rate). */
		public static final String CAPACITY = "capacity";

		public static final String RATE = "rate";

		/** The phase of a warm-up window (closed load, on every CPU). */
		public static final String WARMUP = "warmup";

		/** The phase of a settling window of closed load, and of a paced one. */
		public static final String SETTLE = "settle";

		public static final String SETTLE_PACED = "settle-paced";

		/**
		 * What a measured window's phase becomes when its own probes read slow and the trial
		 * measured it again: {@code capacity-slow}, {@code rate-slow}. The figures leave it out.
		 */
		public static final String SET_ASIDE = "-slow";

		/** Whether this is a measured window that was set aside and measured again ({@link #SET_ASIDE}). */
		public boolean setAside() {
			return this.phase.endsWith(SET_ASIDE);
		}

		/** This window set aside: its phase marked {@link #SET_ASIDE}. */
		Window asSetAside() {
			return new Window(this.target, this.phase + SET_ASIDE, this.round, this.startEpochMillis, this.seconds,
					this.requests, this.errors, this.throughput, this.p50Ms, this.p99Ms, this.generatorCpuSeconds,
					this.systemCpuSeconds, this.processCpuSeconds, this.redisCommands, this.otherCpuSeconds,
					this.redisCpuSeconds, this.replicationBytes, this.compilerShare, this.cpuSpeedMillis, this.waitedSeconds);
		}

		/** The CPU of one Redis role of one target in this window; null when not counted. */
		Double redisCpu(String name, String role) {
			if (this.redisCpuSeconds == null || !this.redisCpuSeconds.containsKey(name)) {
				return null;
			}
			return this.redisCpuSeconds.get(name).get(role);
		}

		/** System CPU per request of the loaded target, µs, with its idle CPU subtracted. */
		double cpuMicrosPerRequest(double idleCpuPerSecond) {
			double busy = this.systemCpuSeconds.getOrDefault(this.target, 0.0) - idleCpuPerSecond * this.seconds;
			return this.requests > 0 ? Math.max(0, busy) * 1e6 / this.requests : Double.NaN;
		}
	}

	/** The target of this name. */
	public java.util.Optional<Target> target(String name) {
		return this.targets.stream().filter(t -> t.name().equals(name)).findFirst();
	}
}
