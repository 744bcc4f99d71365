package org.authbench.harness.trial;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.authbench.harness.metrics.CompilerCpu;
import org.authbench.harness.metrics.CpuSpeed;
import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.metrics.MachineCpu;
import org.authbench.harness.metrics.ProcessCpu;
import org.authbench.harness.metrics.RedisCommandStats;
import org.authbench.harness.stack.Setup;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Randomized multiple interleaved trials (Abedi and Brecht, ICPE 2017): every compared
 * configuration runs at once; they warm up together in alternating windows until each one's
 * throughput and CPU per request agree across two consecutive windows; then each round loads
 * every configuration once, in a fresh random order, under closed load (capacity) and at a fixed
 * paced rate (cost). Every ratio is taken within a round, so a machine that drifts over minutes
 * moves both sides of it alike; the report gives the median over rounds and its 95% interval.
 */
public final class InterleavedTrial {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** Threads that sample the targets' CPU side by side (daemons: nothing to shut down). */
	private static final ExecutorService SAMPLERS = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "trial-cpu-sample");
		thread.setDaemon(true);
		return thread;
	});

	private final PrintWriter out;

	private final WrkLoad wrk;

	public InterleavedTrial(PrintWriter out) {
		this.out = out;
		this.wrk = new WrkLoad();
	}

	/**
	 * Runs the trial and writes {@code trial.json} into {@code dir}.
	 * @param targets the configurations, all up and verified
	 * @param reference the name of the target every ratio is to
	 * @param pairs configuration → the one it differs from in one setting, with what that setting is
	 */
	public TrialResult run(List<TrialTarget> targets, String reference, Map<String, PairSpec> pairs,
			TrialSettings settings, Path dir) {
		if (targets.stream().noneMatch(t -> t.name().equals(reference))) {
			throw new IllegalArgumentException("the trial's reference " + reference + " is not among its targets");
		}
		RunState run = new RunState(targets, settings, dir);
		try {
			say("trial: %d configurations; %d users each, mix %s; warm-up in turns on every CPU, %d connections",
					targets.size(), settings.users(), settings.mix(), settings.warmupConnections());
			// Warm-up is JIT compilation more than anything: it may use every CPU (pinning would halve it).
			// In turns, not all at once: loaded together, each one's throughput depends on the others' JIT
			// bursts and never settles (tried: 30 joint windows, three of four configurations still moving).
			if (!JitPriority.raise(targets)) {
				say("trial: could not raise the JIT compilers' priority for the warm-up (needs root or CAP_SYS_NICE): it"
						+ " may take longer");
			}
			Map<String, Warmup> warm = warmUp(run);
			run.pin();
			Cpus cpus = run.cpus;
			if (cpus.firstSystemCpu() != null && run.speed == null) {
				say("trial: no speed probe on CPU %s (taskset could not pin a thread of authbench there): a slow stretch of"
						+ " the machine is not told from the designs' cost", cpus.firstSystemCpu());
			}
			say("trial: measuring with the generator on CPU %s and the systems on CPU %s (settling windows first, until"
					+ " two agree within %.0f%% and the JIT compilers are quiet)", cpus.generator(), cpus.systems(),
					TrialAnalysis.SETTLE_TOLERANCE * 100);
			int rate = settings.rate() != null ? settings.rate() : pacedRate(warm);
			if (settings.rate() == null && rate < TrialSettings.DEFAULT_RATE) {
				say("trial: paced windows at %d requests/s, not %d: half the lowest warm capacity is less", rate,
						TrialSettings.DEFAULT_RATE);
			}
			settle(run, rate);
			JitPriority.restore(targets);
			measureRounds(run, rate);
			TrialResult result = TrialAnalysis.analyse(settings, reference, rate,
					new TrialResult.Pinning(cpus.generator(), cpus.systems()), targets, warm, pairs, run.windows);
			write(dir, result);
			print(result);
			return result;
		}
		finally {
			run.unpin();
			JitPriority.restore(targets);
		}
	}

	/**
	 * The measured rounds: every configuration's windows once per round in a fresh random order
	 * ({@link #roundPlan}), the rounds asked for and more while too few ran on a fast CPU
	 * ({@link #moreRounds}).
	 */
	private void measureRounds(RunState run, int rate) {
		int asked = run.settings.rounds();
		int most = asked + extraRounds(asked);
		for (int round = 1;; round++) {
			List<TrialTarget> order = new ArrayList<>(run.targets);
			Collections.shuffle(order, run.random);
			say(round <= asked ? "trial: round %d of %d: %s" : "trial: round %d (%d asked, one more): %s", round, asked,
					order.stream().map(TrialTarget::name).collect(Collectors.joining(", ")));
			for (Slot<TrialTarget> slot : roundPlan(order)) {
				measureSlot(run, slot, round, rate);
			}
			if (!moreRounds(round, most, asked, run.speed, run.windows)) {
				return;
			}
		}
	}

	/**
	 * One window of a round, set aside and measured again while its own probes read slow and
	 * {@link #measureAgain} allows it.
	 */
	private void measureSlot(RunState run, Slot<TrialTarget> slot, int round, int rate) {
		String what = "%s's %s window of round %d".formatted(slot.target().name(), slot.phase(), round);
		for (int again = 0;; again++) {
			TrialResult.Window measured = run.pinnedWindow(slot.target(), slot.phase(), round, slot.paced() ? rate : null,
					what);
			Double slow = TrialAnalysis.slowness(measured, run.windows);
			if (!measureAgain(slow, again, run.wait != null && run.wait.hasTime())) {
				run.windows.add(measured);
				return;
			}
			run.windows.add(measured.asSetAside());
			run.wait.spend(Math.round(measured.seconds() * 1000));
			say("trial: %s ran on a slow CPU (its probe %.2f× the fast level): set aside, measuring it again", what, slow);
		}
	}

	/** Times a measured window is measured again at most, after its own probes read slow. */
	static final int MOST_AGAIN = 2;

	/**
	 * Whether to set a measured window aside and measure it again: its own probes read slow (over
	 * {@link TrialAnalysis#SLOW_CPU} × the fast level so far), it has been measured again fewer than
	 * {@link #MOST_AGAIN} times, and the trial's budget for slow stretches ({@code --slow-wait}) is
	 * not spent. A slow window made its whole round slow, and rounds were added until enough ran
	 * fast; but the slow stretches here begin every minute or two and last 8–43 s (2026-12-06), so
	 * that a full trial's rounds of twelve 5-s windows ran slow one in two however long the trial
	 * waited before each window (reference attempt of 18:04: rounds 1, 3, 5 and 7 slow after 111 s
	 * of waits). Measuring the one window again costs a window, not a round.
	 */
	static boolean measureAgain(Double slowness, int again, boolean budgetLeft) {
		return slowness != null && slowness > TrialAnalysis.SLOW_CPU && again < MOST_AGAIN && budgetLeft;
	}

	/**
	 * Rounds the trial may add at most, for rounds that ran on a slow CPU: half as many as asked
	 * (3 in the demo's six: a round takes it about 17 s).
	 */
	static int extraRounds(int rounds) {
		return rounds / 2;
	}

	/**
	 * Whether to measure another round after {@code round}: until the rounds asked for, then while
	 * fewer of them ran on a fast CPU than asked ({@link TrialAnalysis#cpuSpeed}), up to {@code most}.
	 */
	private boolean moreRounds(int round, int most, int asked, CpuSpeed speed, List<TrialResult.Window> windows) {
		if (speed == null) {
			return round < asked;
		}
		TrialResult.CpuSpeed seen = TrialAnalysis.cpuSpeed(speed.cpu(), asked, windows);
		Double slow = seen.slowRounds().get(round);
		if (slow != null) {
			say("trial: round %d ran on a slow CPU %s (its speed probe took up to %.2f× the trial's fast level)", round,
					speed.cpu(), slow);
		}
		int slowRounds = seen.slowRounds().size();
		boolean another = another(round, asked, most, slowRounds);
		int fast = round - slowRounds;
		if (round >= asked && fast < asked) {
			say("trial: %d of %d rounds ran on a fast CPU%s", fast, round, whatNext(another, round, most));
		}
		return another;
	}

	/** What the trial does when too few rounds ran fast: one more, or take every round, and why. */
	private static String whatNext(boolean another, int round, int most) {
		if (another) {
			return " so far: one more round (at most %d in all)".formatted(most);
		}
		if (round < most) {
			return (", and even if every round up to the most (%d) did, too few would: the figures take every"
					+ " round").formatted(most);
		}
		return ", and %d rounds is the most: the figures take every round".formatted(most);
	}

	/**
	 * Whether to measure another round after {@code round}, {@code slow} of them on a slow CPU: the
	 * rounds asked for, then more while too few ran fast, up to {@code most}, and only while the
	 * rounds still to come could make up the difference. A demo of 2026-12-05 (23:18) had one fast
	 * round in six; three more could not have made six, and took 51 s.
	 */
	static boolean another(int round, int asked, int most, int slow) {
		int fast = round - slow;
		return round < asked || (fast < asked && round < most && fast + (most - round) >= asked);
	}

	/** One measured window of a round: whose, and which phase ({@code capacity} or {@code rate}). */
	record Slot<T>(T target, String phase) {

		boolean paced() {
			return TrialResult.Window.RATE.equals(this.phase);
		}
	}

	/**
	 * A round's windows: every configuration's capacity window in the round's order, then every
	 * paced window in the same order. The two windows a capacity ratio pairs are then one window
	 * apart per configuration between them, not two: over the committed trials of 2026-12-04/05, a
	 * 5-s round ratio's distance from its median grew with that gap (median 0.034 in log terms next
	 * to each other, 0.043 one configuration apart, 0.052 two apart), as the machine's slow
	 * stretches, seconds long, fell on one window of a pair and not the other.
	 */
	static <T> List<Slot<T>> roundPlan(List<T> order) {
		List<Slot<T>> plan = new ArrayList<>();
		order.forEach(target -> plan.add(new Slot<>(target, TrialResult.Window.CAPACITY)));
		order.forEach(target -> plan.add(new Slot<>(target, TrialResult.Window.RATE)));
		return plan;
	}

	/** A configuration compared with another that differs in one setting. */
	public record PairSpec(String against, String what) {

		/** What a pair of configurations that differ only in their observability measures. */
		public static final String OBSERVABILITY = "Spring Boot's default observability";

		/** Each {@code *-boot-default} setup among these, against its lean twin when that is among them too. */
		public static Map<String, PairSpec> observability(List<Setup> setups) {
			Map<String, PairSpec> pairs = new LinkedHashMap<>();
			setups.forEach(setup -> setup.observabilityOf()
				.filter(setups::contains)
				.ifPresent(plain -> pairs.put(setup.id(), new PairSpec(plain.id(), OBSERVABILITY))));
			return pairs;
		}
	}

	/** Warm-up windows of one target: their throughput and CPU per request, and whether they converged. */
	record Warmup(List<double[]> windows, boolean converged, double seconds) {
	}

	private Map<String, Warmup> warmUp(RunState run) {
		List<TrialTarget> targets = run.targets;
		TrialSettings settings = run.settings;
		Map<String, List<double[]>> seen = new LinkedHashMap<>();
		Map<String, Boolean> converged = new LinkedHashMap<>();
		targets.forEach(t -> {
			seen.put(t.name(), new ArrayList<>());
			converged.put(t.name(), false);
		});
		long started = System.currentTimeMillis();
		while (true) {
			List<TrialTarget> active = targets.stream()
				.filter(t -> !converged.get(t.name()) && seen.get(t.name()).size() < settings.maxWarmupWindows())
				.collect(Collectors.toCollection(ArrayList::new));
			if (active.isEmpty()) {
				break;
			}
			Collections.shuffle(active, run.random);
			for (TrialTarget target : active) {
				TrialResult.Window window = run.warmupWindow(target);
				run.windows.add(window);
				List<double[]> mine = seen.get(target.name());
				mine.add(new double[] { window.throughput(), window.cpuMicrosPerRequest(0),
						window.compilerShare() == null ? Double.NaN : window.compilerShare() });
				boolean agreed = TrialAnalysis.agree(mine, settings.tolerance());
				converged.put(target.name(), agreed);
				say("trial: warm-up %s window %d: %,.0f req/s, %.0f µs CPU/request, JIT compilers %s%s", target.name(),
						mine.size(), window.throughput(), window.cpuMicrosPerRequest(0), share(window), agreed ? " (steady)"
								: mine.size() >= settings.maxWarmupWindows() ? " (bound hit: COLD)" : "");
			}
		}
		double seconds = (System.currentTimeMillis() - started) / 1000.0;
		Map<String, Warmup> result = new LinkedHashMap<>();
		seen.forEach((name, list) -> result.put(name, new Warmup(list, converged.get(name), seconds)));
		return result;
	}

	/**
	 * Unmeasured rounds under the measured load, pinned, in turns: a closed window and a paced one
	 * each, until each target has settled ({@link TrialAnalysis#settled}: its last two closed
	 * windows on a fast CPU agree within 10% and its JIT compilers were quiet in the last of both
	 * kinds; a target counted settled on windows that later read slow settles again), at most
	 * {@link #MAX_SETTLE_ROUNDS}. After the switch from the old warm-up (4 connections, every CPU)
	 * to measuring (32 connections, pinned) the first window came out 20–50% low for every
	 * configuration here, and the compilers went back to work: 17–25% of each JVM's CPU; the first
	 * paced windows set them to work once more (14% for the baseline app in its first measured
	 * round: trials of 2026-12-04). A target that does not settle is cold (TrialAnalysis).
	 */
	private void settle(RunState run, int rate) {
		Map<String, List<TrialResult.Window>> seen = new LinkedHashMap<>();
		run.targets.forEach(t -> seen.put(t.name(), new ArrayList<>()));
		while (true) {
			Double fast = TrialAnalysis.fastMillis(run.windows);
			List<TrialTarget> unsettled = run.targets.stream()
				.filter(t -> !TrialAnalysis.settled(seen.get(t.name()), fast)
						&& TrialAnalysis.closed(seen.get(t.name())).size() < MAX_SETTLE_ROUNDS)
				.collect(Collectors.toCollection(ArrayList::new));
			if (unsettled.isEmpty()) {
				return;
			}
			Collections.shuffle(unsettled, run.random);
			for (TrialTarget target : unsettled) {
				List<TrialResult.Window> mine = seen.get(target.name());
				TrialResult.Window closed = run.pinnedWindow(target, TrialResult.Window.SETTLE, 0, null,
						target.name() + "'s settling windows");
				run.windows.add(closed);
				TrialResult.Window paced = run.pinnedWindow(target, TrialResult.Window.SETTLE_PACED, 0, rate,
						target.name() + "'s paced settling window");
				run.windows.add(paced);
				mine.add(closed);
				mine.add(paced);
				Double fastNow = TrialAnalysis.fastMillis(run.windows);
				boolean settled = TrialAnalysis.settled(mine, fastNow);
				say("trial: settling %s round %d: %,.0f req/s; JIT compilers %s of its CPU, %s when paced%s%s", target.name(),
						TrialAnalysis.closed(mine).size(), closed.throughput(), share(closed), share(paced),
						TrialAnalysis.slow(closed, fastNow) ? " (CPU slow: not counted)" : "",
						settled ? " (settled)" : TrialAnalysis.closed(mine).size() >= MAX_SETTLE_ROUNDS ? " (bound hit: COLD)"
								: "");
			}
		}
	}

	private static String share(TrialResult.Window window) {
		return window.compilerShare() == null ? "(unknown)" : "%.1f%%".formatted(window.compilerShare() * 100);
	}

	/** Settling rounds per target at most; a target that has not settled then is cold. */
	static final int MAX_SETTLE_ROUNDS = 10;

	private static double total(Map<String, Double> cpu) {
		return Math.round(cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 1000) / 1000.0;
	}

	/**
	 * {@link TrialSettings#DEFAULT_RATE}, or half the lowest warm capacity (the mean of a
	 * configuration's last three warm-up windows) rounded down to 100 when that is less: one rate
	 * for every comparison this machine can carry, lowered only for a configuration that cannot.
	 * CPU per request depends on the rate (fewer requests per wake-up at a lower one, queueing near
	 * saturation): derived from the warm capacities, which follow the machine's speed of the moment,
	 * the demo's rate was 800 in one run and 1,500 in the next, clustered then at 46% and 68% of its
	 * pinned capacity, and its CPU ratio 22% apart (2026-12-05, 14:20 and 14:28).
	 */
	static int pacedRate(Map<String, Warmup> warm) {
		double lowest = warm.values()
			.stream()
			.filter(w -> !w.windows().isEmpty())
			.mapToDouble(w -> w.windows()
				.subList(Math.max(0, w.windows().size() - 3), w.windows().size())
				.stream()
				.mapToDouble(window -> window[0])
				.average()
				.orElseThrow())
			.min()
			.orElse(200);
		int half = (int) Math.max(100, Math.floor(lowest / 2 / 100) * 100);
		return Math.min(TrialSettings.DEFAULT_RATE, half);
	}

	/**
	 * One trial as it runs: its configurations, settings and folder, the windows measured so far,
	 * and where the next window runs: during warm-up on every CPU; then with the systems pinned to
	 * their CPUs, the generator to its own ({@link Cpus}), and the speed probe on the systems' CPU.
	 */
	private final class RunState {

		final List<TrialTarget> targets;

		final TrialSettings settings;

		final Path dir;

		final Random random;

		final Map<String, Workload> workloads = new LinkedHashMap<>();

		final List<TrialResult.Window> windows = new ArrayList<>();

		/** The CPUs of the settling and measured windows: pinned, unless the settings say not to. */
		final Cpus cpus;

		/** The warm-up's: every CPU for everyone. */
		final Cpus unpinned = Cpus.plan(false);

		/** The speed probe on the systems' CPU once pinned; null before, unpinned, or when it could not be pinned. */
		CpuSpeed speed;

		/** The wait for that CPU to run fast again (null without a probe). */
		SlowCpuWait wait;

		RunState(List<TrialTarget> targets, TrialSettings settings, Path dir) {
			this.targets = targets;
			this.settings = settings;
			this.dir = dir;
			this.random = new Random(settings.seed());
			this.cpus = Cpus.plan(settings.pin());
			targets.forEach(t -> this.workloads.put(t.name(), new Workload(t, settings.mix(), settings.users())));
		}

		/** Pins the systems and authbench to {@link #cpus} for the measured windows and opens the speed probe. */
		void pin() {
			this.cpus.pinSystems(this.targets);
			this.cpus.pinSelf();
			this.speed = this.cpus.firstSystemCpu() == null ? null : CpuSpeed.open(this.cpus.firstSystemCpu());
			this.wait = this.speed == null ? null
					: new SlowCpuWait(this.speed::sampleMillis, this.settings.slowWait(), time -> Thread.sleep(time.toMillis()));
		}

		/** Closes the probe and gives the CPUs back, whether or not {@link #pin} ran. */
		void unpin() {
			if (this.speed != null) {
				this.speed.close();
			}
			this.cpus.unpinSystems(this.targets);
			this.cpus.unpinSelf();
		}

		/**
		 * A warm-up window: closed load on every CPU, only the loaded system's CPU sampled (idle CPU
		 * comes from the measured rounds alone).
		 */
		TrialResult.Window warmupWindow(TrialTarget target) {
			return window(target, List.of(target), TrialResult.Window.WARMUP, 0, this.settings.warmupWindow(), null,
					this.settings.warmupConnections(), this.unpinned, null, null);
		}

		/**
		 * A pinned window (settling or measured; paced at {@code rate}, closed when null), every
		 * system's CPU sampled, after waiting while the systems' CPU runs slow ({@link SlowCpuWait};
		 * {@code what} names the window in what the wait says).
		 */
		TrialResult.Window pinnedWindow(TrialTarget target, String phase, int round, Integer rate, String what) {
			Double waited = waitForFastCpu(what);
			return window(target, this.targets, phase, round, this.settings.window(), rate, this.settings.connections(),
					this.cpus, this.speed, waited);
		}

		/**
		 * Waits before a pinned window while the systems' CPU runs slow, once the trial has a fast
		 * level to judge by; the seconds waited, null without a probe.
		 */
		private Double waitForFastCpu(String what) {
			Double fast = this.wait == null ? null : TrialAnalysis.fastMillis(this.windows);
			if (fast == null) {
				return this.wait == null ? null : 0.0;
			}
			return this.wait.before(fast, TrialAnalysis.SLOW_CPU, what, line -> say("%s", line)) / 1000.0;
		}

		private TrialResult.Window window(TrialTarget target, List<TrialTarget> all, String phase, int round,
				Duration length, Integer rate, int connections, Cpus placed, CpuSpeed probe, Double waited) {
			Double speedBefore = probe == null ? null : probe.sampleMillis();
			List<WrkLoad.Request> cycle = this.workloads.get(target.name()).cycle();
			Map<String, Map<String, Long>> pids = new LinkedHashMap<>();
			all.forEach(t -> pids.put(t.name(), t.pids().get()));
			RedisCommandStats.Sample redisBefore = redis(target);
			Map<String, Map<String, Double>> before = sample(all, pids);
			double machineBefore = MachineCpu.busySeconds();
			double ownBefore = MachineCpu.ownSeconds();
			CompilerCpu.Sample compilersBefore = CompilerCpu.sample(pids.get(target.name()).values());
			long start = System.currentTimeMillis();
			// One seed per round: every target of a round draws the same sequence of waits.
			WrkLoad.Pacing pacing = rate == null ? null
					: new WrkLoad.Pacing(rate, this.settings.arrivals(), this.settings.seed() + round);
			WrkLoad.Result result = InterleavedTrial.this.wrk.run(target.baseUrl(), cycle, this.settings.threads(),
					connections, length, pacing, placed.generatorList(), this.dir.resolve("wrk").resolve(target.name()));
			double machine = MachineCpu.busySeconds() - machineBefore;
			double own = MachineCpu.ownSeconds() - ownBefore;
			CompilerCpu.Window compilers = CompilerCpu.between(compilersBefore,
					CompilerCpu.sample(pids.get(target.name()).values()));
			Map<String, Map<String, Double>> after = sample(all, pids);
			RedisCommandStats.Sample redisAfter = redis(target);
			Long redisCommands = null;
			if (redisBefore != null && redisAfter != null) {
				RedisCommandStats.Window redis = RedisCommandStats.between(redisBefore, redisAfter);
				redisCommands = redis.measured() ? RedisCommandStats.total(redis.calls()) : null;
			}
			Map<String, Double> processes = ProcessCpu.delta(before.get(target.name()), after.get(target.name()));
			Map<String, Double> system = new LinkedHashMap<>();
			pids.keySet().forEach(name -> system.put(name, total(ProcessCpu.delta(before.get(name), after.get(name)))));
			double known = own + result.generatorCpuSeconds()
					+ system.values().stream().mapToDouble(Double::doubleValue).sum();
			double other = Math.round(Math.max(0, machine - known) * 1000) / 1000.0;
			Map<String, Map<String, Double>> redisCpu = new LinkedHashMap<>();
			all.forEach(t -> {
				Map<String, Double> roles = t.byRedisRole(ProcessCpu.delta(before.get(t.name()), after.get(t.name())));
				if (!roles.isEmpty()) {
					redisCpu.put(t.name(), roles);
				}
			});
			Long replication = redisCpu.getOrDefault(target.name(), Map.of()).containsKey(TrialTarget.REPLICA)
					? RedisCommandStats.replicationBytes(redisBefore, redisAfter) : null;
			Double cpuSpeed = probe == null ? null
					: Math.round(Math.max(speedBefore, probe.sampleMillis()) * 1000) / 1000.0;
			return new TrialResult.Window(target.name(), phase, round, start, result.seconds(), result.requests(),
					result.errors(), result.throughput(), result.p50Ms(), result.p99Ms(), result.generatorCpuSeconds(), system,
					processes, redisCommands, other, redisCpu.isEmpty() ? null : redisCpu, replication,
					compilers.share() == null ? null : Math.round(compilers.share() * 10000) / 10000.0, cpuSpeed, waited);
		}
	}

	/** A sample of the target's Redis, or null without one (or when it does not answer). */
	private static RedisCommandStats.Sample redis(TrialTarget target) {
		if (target.redisPort() == null) {
			return null;
		}
		try {
			return RedisCommandStats.sample("127.0.0.1", target.redisPort());
		}
		catch (RuntimeException down) {
			return null;
		}
	}

	/** Every target's CPU so far, the targets at once: a docker stack's answer takes the Docker API a second or so. */
	private static Map<String, Map<String, Double>> sample(List<TrialTarget> targets, Map<String, Map<String, Long>> pids) {
		Map<String, CompletableFuture<Map<String, Double>>> sampling = new LinkedHashMap<>();
		targets.forEach(t -> sampling.put(t.name(), CompletableFuture.supplyAsync(() -> t.cpu().sample(pids.get(t.name())),
				SAMPLERS)));
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
		sampling.forEach((name, future) -> cpu.put(name, future.join()));
		return cpu;
	}

	private static void write(Path dir, TrialResult result) {
		try {
			Files.createDirectories(dir);
			JSON.writeValue(dir.resolve("trial.json").toFile(), result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void print(TrialResult result) {
		this.out.printf("%n  %-22s %-26s %-22s %-22s %s%n", "configuration", "capacity req/s", "× " + result.reference(),
				"CPU µs/req @" + result.rate() + "/s", "× " + result.reference());
		for (TrialResult.Target t : result.targets()) {
			this.out.printf("  %-22s %-26s %-22s %-22s %s%s%n", t.name(), interval(t.capacity(), "%,.0f"),
					t.capacityRatio() == null ? "1" : interval(t.capacityRatio(), "%.2f"), interval(t.cpuAtRate(), "%.0f"),
					t.cpuRatio() == null ? "1" : interval(t.cpuRatio(), "%.2f"), t.converged() ? "" : "  COLD");
		}
		for (TrialResult.Target t : result.targets()) {
			if (t.redisCpuMicrosPerRequest() != null) {
				this.out.printf("  %s: Redis CPU µs/request @%d/s: %s%s; commands/request %s%s%n", t.name(), result.rate(),
						interval(t.redisCpuMicrosPerRequest(), "%.1f"),
						t.replicaCpuMicrosPerRequest() == null ? ""
								: ", replica %s, Sentinels %s (%.1f ms/s whatever the load)".formatted(
										interval(t.replicaCpuMicrosPerRequest(), "%.1f"),
										interval(t.sentinelCpuMicrosPerRequest(), "%.1f"), t.sentinelCpuMillisPerSecond()),
						interval(t.redisCommandsPerRequest(), "%.2f"), t.replicationBytesPerRequest() == null ? ""
								: "; replication bytes/request " + interval(t.replicationBytesPerRequest(), "%.0f"));
			}
		}
		for (TrialResult.Pair pair : result.pairs()) {
			this.out.printf("  %s: %s vs %s: capacity × %s, CPU × %s (+%s µs/request)%n", pair.what(), pair.target(),
					pair.against(), interval(pair.capacityRatio(), "%.2f"), interval(pair.cpuRatio(), "%.2f"),
					interval(pair.extraCpuMicrosPerRequest(), "%.0f"));
		}
		this.out.printf("  generator on CPU %s, systems on CPU %s, %s arrivals in the paced windows%s%n",
				result.pinning().generatorCpus(), result.pinning().systemCpus(), result.settings().arrivals().id(),
				result.otherLoad() == null ? ""
						: "; other processes used %.1f%% of the machine's CPU (median over the measured windows)"
							.formatted(result.otherLoad() * 100));
		if (result.cpuSpeed() != null) {
			TrialResult.CpuSpeed speed = result.cpuSpeed();
			this.out.printf("  CPU %s speed probe: fast level %.2f ms; rounds that ran slow (over %.2f×): %s; figures from rounds %s%s%s%n",
					speed.cpu(), speed.fastMillis(), speed.slowFactor(),
					speed.slowRounds().isEmpty() ? "none" : speed.slowRounds().entrySet().stream()
						.map(e -> "%d (%.2f×)".formatted(e.getKey(), e.getValue()))
						.collect(Collectors.joining(", ")),
					speed.roundsUsed(), speed.waitedSeconds() > 0
							? "; waited %.0f s in all for it to run fast again".formatted(speed.waitedSeconds()) : "",
					speed.setAside() > 0 ? "; %d window%s set aside (slow) and measured again".formatted(speed.setAside(),
							speed.setAside() == 1 ? "" : "s") : "");
		}
		result.warnings().forEach(w -> this.out.println("  warning: " + w));
		this.out.flush();
	}

	/** {@code median [low–high]} in the given format, or a dash. */
	static String interval(MedianInterval value, String format) {
		return value == null ? "–" : value.format(format);
	}

	private void say(String format, Object... args) {
		this.out.printf(format + "%n", args);
		this.out.flush();
	}
}
