package org.authbench.harness.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.authbench.harness.drill.Drill;
import org.authbench.harness.env.Environment;
import org.authbench.harness.load.LoadDefaults;
import org.authbench.harness.load.LoadRun;
import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.load.Summary;
import org.authbench.harness.report.Comparison;
import org.authbench.harness.report.ComparisonBuilder;
import org.authbench.harness.report.Reports;
import org.authbench.harness.revocation.RevocationProbe;
import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.trial.InterleavedTrial;
import org.authbench.harness.trial.ModelCheck;
import org.authbench.harness.trial.TrialResult;
import org.authbench.harness.trial.TrialSettings;
import org.authbench.harness.trial.TrialStacks;
import org.authbench.harness.trial.TrialTuning;

/**
 * Runs the comparison matrix: for each setup (a variant in one configuration) one stack, on
 * which the {@link Study studies} run one after the other (throughput first, then the drills, which leave
 * the stack repaired: a killed instance or Redis is started again by the drill itself). The
 * {@code context-size} study needs one stack per auth-context size and runs last, on stacks
 * of its own. Each study gets its own results folder under {@code runs/}; the comparison's
 * {@code summary.json}, {@code report.md} and {@code report.html} are written at the end. A
 * setup that fails (a stack that does not start, a run that breaks) is reported as a warning
 * and the matrix goes on: the report shows what was measured and says what was not.
 */
public final class ComparisonRun {

	/** The trial's run: its name and its folder under {@code runs/}. */
	private static final String TRIAL = Comparison.RunRef.TRIAL;

	/**
	 * @param setups in the order run; the baseline first makes every ratio available
	 * @param studies what to measure on each setup, as {@code --scenarios} names them
	 * @param stacks the stack to start for a variant (a setup adds its settings to it)
	 * @param quick short warm-up, windows and drill timelines (the demo)
	 * @param repeats measurements per scenario (on the same stack)
	 * @param rate the open-model rate of the drills, requests/s
	 * @param contextSizes auth-context padding sizes of the {@code context-size} scenario, bytes
	 * @param resultsDir where {@code <timestamp>-<name>} goes
	 * @param trialInstances instances per stack in the trial (null: as many as the drills'); with
	 * another count than the drills', the drills run on fresh stacks after the trial
	 * @param parallelDrills the configurations' scenarios after the trial run at the same time, each on
	 * its own fresh stack (faster where the machine has the cores; on 2 cores it overloads: docs/method.md §4)
	 * @param validateModel check the capacity model against measurements after the trial (a full
	 * comparison always does; a quick one only when asked)
	 * @param tuning what the user changed of the trial's settings (rounds, arrivals, warm-up bound,
	 * time for slow stretches), checked when made: before any stack starts
	 */
	public record Spec(List<Setup> setups, List<Study> studies, Function<Variant, StackSpec> stacks, boolean quick,
			int repeats, int rate, List<Integer> contextSizes, Path resultsDir, String name, Integer trialInstances,
			boolean parallelDrills, boolean validateModel, TrialTuning tuning) {

		public Spec {
			setups = List.copyOf(setups);
			studies = List.copyOf(studies);
			contextSizes = List.copyOf(contextSizes);
			if (setups.isEmpty() || studies.isEmpty()) {
				throw new IllegalArgumentException("a comparison needs at least one variant and one scenario");
			}
			for (int size : contextSizes) {
				if (size < 0 || size > Study.MAX_CONTEXT_BYTES) {
					throw new IllegalArgumentException("--context-sizes must be 0.." + Study.MAX_CONTEXT_BYTES + " bytes, was " + size);
				}
			}
			tuning = tuning == null ? TrialTuning.NONE : tuning;
			if (studies.contains(Study.CONTEXT_SIZE) && contextSizes.isEmpty()) {
				throw new IllegalArgumentException("the context-size scenario needs at least one size");
			}
		}
	}

	private final PrintWriter out;

	private final Path repo;

	private final String runtime;

	/** @param runtime where every stack runs: {@code native} or {@code docker}, as {@code --runtime} takes it */
	public ComparisonRun(PrintWriter out, Path repo, String runtime) {
		this.out = out;
		this.repo = repo;
		this.runtime = runtime;
	}

	/** Runs the matrix and returns the comparison's folder. */
	public Path run(Spec spec) {
		Path dir = LoadRun.resultsFolder(spec.resultsDir(), spec.name());
		LoadRun load = new LoadRun(this.out, this.repo, this.runtime);
		List<Comparison.RunRef> runs = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		long started = System.currentTimeMillis();
		ExecutorService runEach = Executors.newCachedThreadPool();
		TrialStacks trial = spec.studies().contains(Study.THROUGHPUT) ? trial(spec, dir, runs) : null;
		if (trial != null && drillsOnFreshStacks(spec)) {
			trial.close();
			trial = null;
		}
		List<Comparison.RunRef> found = java.util.Collections.synchronizedList(runs);
		List<String> failed = java.util.Collections.synchronizedList(failures);
		try {
			int total = spec.setups().size();
			List<CompletableFuture<Void>> parallel = new ArrayList<>();
			for (int k = 0; k < total; k++) {
				Setup setup = spec.setups().get(k);
				String tag = "[%s %d/%d]".formatted(setup.id(), k + 1, total);
				int index = k;
				TrialStacks warm = trial;
				Runnable work = () -> {
					try {
						runSetup(load, spec, setup, warm, index, tag, dir, found);
					}
					catch (RuntimeException ex) {
						failed.add("%s%s%s".formatted(setup.id(), Comparison.FAILED, ex.getMessage()));
						this.out.printf("%s FAILED: %s; going on with the next variant%n", tag, ex.getMessage());
					}
					this.out.printf("%s done; %d s since the start%n", tag, (System.currentTimeMillis() - started) / 1000);
					this.out.flush();
				};
				if (spec.parallelDrills() && trial == null) {
					parallel.add(CompletableFuture.runAsync(work, runEach));
				}
				else {
					work.run();
				}
			}
			parallel.forEach(CompletableFuture::join);
		}
		finally {
			runEach.shutdown();
			if (trial != null) {
				trial.close();
			}
		}
		if (runs.isEmpty()) {
			throw new StackException("no run of the comparison succeeded: " + String.join("; ", failures));
		}
		Comparison comparison = ComparisonBuilder.build(dir, spec.name(), settings(spec), runs, failures);
		Reports.write(dir, comparison);
		copyEnv(dir, runs);
		this.out.printf("%nComparison %s in %d s: %s%n  %s%n  %s%n", comparison.valid() ? "valid" : "INVALID",
				(System.currentTimeMillis() - started) / 1000, dir.resolve("report.html"), dir.resolve("report.md"),
				dir.resolve("summary.json"));
		this.out.flush();
		return dir;
	}

	/**
	 * Capacity and cost of every setup as an interleaved trial (docs/method.md): all stacks up at
	 * once, warmed together, measured in randomized rounds. Returns the running stacks, on which
	 * the drills run next.
	 */
	private TrialStacks trial(Spec spec, Path dir, List<Comparison.RunRef> runs) {
		Map<Setup, StackSpec> placed = TrialStacks.placeAll(spec.setups(), setup -> {
			StackSpec stack = setup.apply(spec.stacks().apply(setup.variant()));
			return spec.trialInstances() != null ? stack.withInstances(spec.trialInstances()) : stack;
		});
		TrialStacks stacks = TrialStacks.start(placed, this.out, this.runtime);
		try {
			TrialSettings settings = spec.tuning().applyTo(spec.quick() ? TrialSettings.quick(TrialSettings.defaultMix())
					: TrialSettings.full(TrialSettings.defaultMix()));
			Path trialDir = dir.resolve("runs").resolve(TRIAL);
			TrialResult result = new InterleavedTrial(this.out).run(stacks.targets(), spec.setups().get(0).id(),
					InterleavedTrial.PairSpec.observability(spec.setups()),
					settings, trialDir);
			runs.add(new Comparison.RunRef(TRIAL, TRIAL, dir.relativize(trialDir).toString(), result.valid()));
			if (!spec.quick() || spec.validateModel()) {
				// About 10 s per design with Redis and 10 s per design for the app quota: not in the demo.
				try {
					ModelCheck.run(stacks.targets(), settings, trialDir, this.out);
				}
				catch (RuntimeException ex) {
					this.out.println("model check failed, the report shows the model unchecked: " + ex.getMessage());
				}
			}
			Environment.writeTrial(trialDir, this.repo, placed, settings, this.runtime);
			return stacks;
		}
		catch (RuntimeException ex) {
			stacks.close();
			throw ex;
		}
	}

	/**
	 * The studies of one setup besides the trial: on its warm trial stack when there is one (a
	 * redis-latency drill needs a proxy set up at start: a fresh stack), else on a fresh stack.
	 */
	private void runSetup(LoadRun load, Spec spec, Setup setup, TrialStacks trial, int index, String tag, Path dir,
			List<Comparison.RunRef> runs) {
		List<Study> studies = studies(spec, setup);
		StackSpec stack = setup.apply(spec.stacks().apply(setup.variant()));
		if (spec.parallelDrills()) {
			// Side by side, each configuration needs ports and a run folder of its own.
			stack = TrialStacks.placed(stack, setup, index);
		}
		List<Planned> onOneStack = onOneStack(studies);
		StackState warm = trial != null ? trial.release(setup) : null;
		if (warm != null && (onOneStack.isEmpty() || Planned.injectRedisLatency(onOneStack))) {
			load.stop(LoadRun.LiveStack.running(warm), dir.resolve("logs").resolve(setup.id() + "-trial"));
			warm = null;
		}
		if (warm != null) {
			runOnStack(load, spec, setup, stack, LoadRun.LiveStack.running(warm), onOneStack, tag, dir, runs, setup.id());
		}
		else if (!onOneStack.isEmpty()) {
			runOnOneStack(load, spec, setup, drillStack(spec, stack), onOneStack, tag, dir, runs);
		}
		if (studies.contains(Study.CONTEXT_SIZE)) {
			for (int bytes : spec.contextSizes()) {
				runOnOneStack(load, spec, setup, withContext(stack, bytes), List.of(Planned.contextSize(bytes)),
						tag + " context " + bytes + " B", dir, runs);
			}
		}
	}

	/**
	 * The JIT of a quick comparison's fresh drill stacks: C1 only. Two cold instances under the demo's
	 * 300 requests/s on this 2-core machine spent 1.5 cores compiling with C2 (tiered, the default)
	 * and kept up with the load only after 16 s (p50 88 ms in the measured window); with C1 alone
	 * they used 0.6 core, kept up after 6 s and answered at p50 6 ms, and the drill counted the same
	 * sessions lost (docs/results.md, "Night of 2026-12-05/06"). A quick drill counts events; its
	 * latencies were never comparable between designs. Its load generator (Gatling, 300 requests/s)
	 * compiles with C1 only too: it starts 0.5 s sooner, and its own C2 compilers no longer take
	 * the cores the cold apps warm up on (the demo's five drill runs: 157–158 s and 18 warm-up
	 * windows with authbench's JVMs on C1, 163–168 s and 21–22 windows without; docs/results.md,
	 * "Morning of 2026-12-07"). The trial, which gives the costs, keeps the default JIT, and so
	 * does every drill of a full comparison and its generator.
	 */
	static final String QUICK_DRILL_JIT = "-XX:TieredStopAtLevel=1";

	/** Whether the drills start stacks of their own: no trial ran, or it ran another instance count. */
	static boolean drillsOnFreshStacks(Spec spec) {
		return !spec.studies().contains(Study.THROUGHPUT) || spec.trialInstances() != null
				&& spec.trialInstances() != spec.stacks().apply(spec.setups().get(0).variant()).instances();
	}

	/** The stack a setup's drills and revocation probe start fresh on. */
	static StackSpec drillStack(Spec spec, StackSpec stack) {
		return spec.quick() ? stack.withJvmOption(QUICK_DRILL_JIT) : stack;
	}

	/**
	 * The studies that share one stack, in the order they run: as asked, except that the drills
	 * which leave an app instance a cold JVM (a failover kills one and starts a new one) go last.
	 * Every study before them then finds warm JVMs: in a demo of 2026-12-04 the clustered
	 * Redis outage after the failover needed 7 warm-up windows (14 s) for its new app-2.
	 */
	static List<Planned> onOneStack(List<Study> studies) {
		return studies.stream()
			.filter(s -> !Study.CONTEXT_SIZE.equals(s) && !Study.THROUGHPUT.equals(s))
			.sorted(Comparator.comparing(Study::restartsAnApp))
			.map(Planned::of)
			.toList();
	}

	/**
	 * A study's run on a setup, and the scenario it is recorded under ({@link Comparison.RunRef}):
	 * the study's name, or a context-size run's {@code context-size-<bytes>}.
	 */
	record Planned(Study study, String scenario) {

		static Planned of(Study study) {
			return new Planned(study, study.id());
		}

		static Planned contextSize(int bytes) {
			return new Planned(Study.CONTEXT_SIZE, Comparison.RunRef.contextScenario(bytes));
		}

		/** Whether their stack needs the Redis latency proxy, set up when it starts. */
		static boolean injectRedisLatency(List<Planned> runs) {
			return runs.stream().anyMatch(run -> run.study().injectsRedisLatency());
		}
	}

	/**
	 * The studies that apply to a setup: Redis drills need Redis, context size needs a credential;
	 * a setup that differs from another only in its observability is measured in the trial alone.
	 * In a quick comparison (the demo) the drills and the revocation probe skip a setup without a
	 * credential: they count what users lose, and the baseline's users have nothing to lose.
	 */
	static List<Study> studies(Spec spec, Setup setup) {
		Variant variant = setup.variant();
		boolean credential = variant.credential() != Variant.Credential.NONE;
		return spec.studies()
			.stream()
			.filter(s -> setup.observabilityOf().isEmpty() || Study.THROUGHPUT.equals(s))
			.filter(s -> variant.usesRedis() || !s.needsRedis())
			.filter(s -> credential || !Study.CONTEXT_SIZE.equals(s))
			.filter(s -> credential || !spec.quick() || !(s.isDrill() || Study.REVOCATION.equals(s)))
			.toList();
	}

	private void runOnOneStack(LoadRun load, Spec spec, Setup setup, StackSpec stack, List<Planned> planned, String tag,
			Path dir, List<Comparison.RunRef> runs) {
		LoadRun.LiveStack live = load.start(stack, Planned.injectRedisLatency(planned), tag);
		boolean ownStack = planned.get(0).study().equals(Study.CONTEXT_SIZE);
		runOnStack(load, spec, setup, stack, live, planned, tag, dir, runs,
				ownStack ? setup.id() + "-" + planned.get(0).scenario() : setup.id());
	}

	/** How long a stack may take after a drill until every process is healthy again. */
	static final Duration HEALTHY_AGAIN = Duration.ofSeconds(60);

	/**
	 * Runs the studies one after the other on a running stack, then stops it; each study after
	 * the first once every process is healthy again ({@link LoadRun#awaitHealthy}).
	 */
	private void runOnStack(LoadRun load, Spec spec, Setup setup, StackSpec stack, LoadRun.LiveStack live,
			List<Planned> planned, String tag, Path dir, List<Comparison.RunRef> runs, String logsName) {
		try {
			for (int i = 0; i < planned.size(); i++) {
				Planned run = planned.get(i);
				if (i > 0) {
					load.awaitHealthy(live, HEALTHY_AGAIN, tag);
				}
				runs.add(run.study().equals(Study.REVOCATION) ? revocation(spec, setup, live, tag, dir)
						: measure(load, spec, setup, stack, live, run, tag, dir));
			}
		}
		finally {
			load.stop(live, dir.resolve("logs").resolve(logsName));
		}
	}

	private Comparison.RunRef revocation(Spec spec, Setup setup, LoadRun.LiveStack live, String tag, Path dir) {
		Path runDir = dir.resolve("runs").resolve(setup.id() + "-" + Study.REVOCATION.id());
		this.out.printf("%s revocation: %d logouts, the old credential replayed on every instance for at most %d s%n",
				tag, revocationProbes(spec), revocationBound(spec).toSeconds());
		RevocationResult.write(RevocationProbe.run(live.state(), revocationProbes(spec), revocationBound(spec), this.out)
			.named(setup.id()), runDir);
		return new Comparison.RunRef(setup.id(), Study.REVOCATION.id(), dir.relativize(runDir).toString(), true);
	}

	/** The load runs of a study, {@code repeats} of them on the same stack, and their summary. */
	private Comparison.RunRef measure(LoadRun load, Spec spec, Setup setup, StackSpec stack, LoadRun.LiveStack live,
			Planned run, String tag, Path dir) {
		LoadSpec loadSpec = loadSpec(spec, stack, setup.id(), run, dir.resolve("runs"));
		Path runDir = dir.resolve("runs").resolve(loadSpec.name());
		List<LoadRun.Repeat> repeats = new ArrayList<>();
		for (int r = 1; r <= spec.repeats(); r++) {
			Path repeatDir = spec.repeats() == 1 ? runDir : runDir.resolve("repeat-" + r);
			repeats.add(load.measure(live, loadSpec, tag + " " + run.scenario(), repeatDir));
		}
		Summary summary = load.writeResults(runDir, loadSpec, repeats);
		return new Comparison.RunRef(setup.id(), run.scenario(), dir.relativize(runDir).toString(), summary.valid());
	}

	/** Logouts of the revocation scenario. */
	static int revocationProbes(Spec spec) {
		return spec.quick() ? 3 : 5;
	}

	/**
	 * How long the revocation scenario replays a logged-out credential at most: long enough to
	 * see any propagation delay, far shorter than a token's life (its remaining lifetime is
	 * reported instead).
	 */
	static Duration revocationBound(Spec spec) {
		return Duration.ofSeconds(spec.quick() ? 3 : 10);
	}

	/** The stack with this much auth-context padding; a token carrying it needs a larger size limit. */
	static StackSpec withContext(StackSpec stack, int bytes) {
		StackSpec sized = stack.withAppEnv("AUTHBENCH_AUTH_CONTEXT_BYTES", String.valueOf(bytes));
		for (Map.Entry<String, String> setting : stack.variant().contextSettings().entrySet()) {
			sized = sized.withAppEnv(setting.getKey(), setting.getValue());
		}
		return sized;
	}

	/**
	 * A quick comparison's drills run the preset timelines at 0.15 of their times, in whole seconds
	 * (a failover kills at 2 s and restarts at 5 s, a Redis outage kills Redis at 2 s and starts it
	 * at 5 s), each then watched 8 s more: 2 s before the fault are 600 requests at the demo's rate
	 * from users who all hold a credential by then (the warm-up ends only once they are served),
	 * and 8 s after the last event leave room for every recovery measured here: at most 1 s after
	 * the restart in the quick demos, 4 s after Redis is back (the clustered users' new logins),
	 * 3 s after a Sentinel failover. A fifth of the times (3 s and 7 s) took 8 s more per demo
	 * (docs/results.md, "Morning of 2026-12-07").
	 */
	static final double QUICK_DRILL_SCALE = 0.15;

	static LoadSpec loadSpec(Spec spec, StackSpec stack, String setup, Planned run, Path runs) {
		// Paced load: a window is steady when it serves what was offered; 2 s windows tell that as well.
		Duration window = spec.quick() ? Duration.ofSeconds(2) : LoadDefaults.warmupWindow();
		// A drill's fresh stack is cold: under the demo's 300 requests/s a clustered or jwt instance
		// took 12 s before a 3 s window served what was offered (the bound was 10 s then).
		Duration warmupMax = spec.quick() ? Duration.ofSeconds(20) : LoadDefaults.warmupMax();
		String name = setup + "-" + run.scenario();
		String mix = LoadDefaults.mix();
		int population = LoadDefaults.population();
		if (run.study().isDrill()) {
			Drill preset = Drill.preset(run.study().id(), stack.instances(), spec.quick() ? QUICK_DRILL_SCALE : 1.0);
			Drill drill = spec.quick() ? new Drill(preset.name(), preset.events(),
					preset.events().get(preset.events().size() - 1).at().plusSeconds(8)) : preset;
			return new LoadSpec(stack, run.study().load(), List.of(spec.rate()), drill.duration(), population, window,
					warmupMax, mix, 1, runs, name, drill, spec.quick() ? List.of(QUICK_DRILL_JIT) : List.of());
		}
		Scenario load = run.study().load();
		Duration measured = Duration.ofSeconds(spec.quick() ? 8 : 30);
		List<Integer> ladder = load == Scenario.THROUGHPUT ? load.defaultLadder()
				: load == Scenario.LATENCY ? List.of(spec.rate(), 2 * spec.rate()) : List.of(spec.rate());
		return new LoadSpec(stack, load, ladder, measured, population, window, warmupMax, mix, 1, runs, name, null);
	}

	static Map<String, Object> settings(Spec spec) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("variants", spec.setups().stream().map(Setup::id).toList());
		settings.put("scenarios", spec.studies().stream().map(Study::id).toList());
		settings.put("instances", spec.stacks().apply(spec.setups().get(0).variant()).instances());
		if (spec.trialInstances() != null && spec.studies().contains(Study.THROUGHPUT)) {
			settings.put("trialInstances", spec.trialInstances());
		}
		if (spec.parallelDrills()) {
			settings.put("drills", "at the same time, each configuration on its own stack");
		}
		if (spec.tuning().warmupWindows() != null && spec.studies().contains(Study.THROUGHPUT)) {
			settings.put("warmupWindows", spec.tuning().warmupWindows());
		}
		if (spec.tuning().slowWait() != null && spec.studies().contains(Study.THROUGHPUT)) {
			settings.put("slowWait", spec.tuning().slowWait().toString());
		}
		settings.put("repeats", spec.repeats());
		settings.put("quick", spec.quick());
		if (spec.quick() && drillsOnFreshStacks(spec)) {
			settings.put("drillJit", QUICK_DRILL_JIT);
		}
		else if (spec.quick() && spec.studies().stream().anyMatch(Study::isDrill)) {
			// The drills run on the trial's warm stacks; only their Gatling JVM compiles with C1 only.
			settings.put("drillGeneratorJit", QUICK_DRILL_JIT);
		}
		settings.put("drillRate", spec.rate());
		settings.put("redisScenariosSkippedFor",
				spec.setups().stream().filter(s -> !s.variant().usesRedis()).map(Setup::id).toList());
		if (spec.studies().contains(Study.CONTEXT_SIZE)) {
			settings.put("contextSizes", spec.contextSizes());
			settings.put("contextSizeSkippedFor", spec.setups()
				.stream()
				.filter(s -> s.variant().credential() == Variant.Credential.NONE)
				.map(Setup::id)
				.toList());
		}
		Map<String, String> configured = new LinkedHashMap<>();
		spec.setups().forEach(setup -> configured.put(setup.id(), setup.description()));
		settings.put("configurations", configured);
		return settings;
	}

	/** The machine and settings of the first run that recorded them (a trial writes its own). */
	private static void copyEnv(Path dir, List<Comparison.RunRef> runs) {
		for (Comparison.RunRef run : runs) {
			Path env = dir.resolve(run.dir()).resolve("env.json");
			if (Files.exists(env)) {
				try {
					Files.copy(env, dir.resolve("env.json"), StandardCopyOption.REPLACE_EXISTING);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return;
			}
		}
	}}
