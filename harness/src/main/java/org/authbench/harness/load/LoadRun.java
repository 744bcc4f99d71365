package org.authbench.harness.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.authbench.harness.drill.DrillAnalysis;
import org.authbench.harness.drill.DrillReport;
import org.authbench.harness.drill.DrillRunner;
import org.authbench.harness.drill.RedisLatencyProxy;
import org.authbench.harness.env.Environment;
import org.authbench.harness.metrics.AccessLog;
import org.authbench.harness.metrics.LatencyLog;
import org.authbench.harness.metrics.MachineCpu;
import org.authbench.harness.metrics.ProcessCpu;
import org.authbench.harness.metrics.RedisCommandStats;
import org.authbench.harness.metrics.Timeline;
import org.authbench.harness.stack.DockerStack;
import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.MemberStatus;
import org.authbench.harness.stack.StackRuntime;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.verify.Verify;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One load run, start to finish, once per repeat: start a fresh stack, verify its contract
 * (no load is sent to a stack that fails it), start Gatling, sample CPU and Redis at the
 * start and end of measurement (warm-up excluded), run the drill if any, stop the stack, and
 * reduce everything to {@code summary.json} and {@code env.json} in
 * {@code results/<timestamp>-<name>/}.
 */
public final class LoadRun {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** The simulation's file for a longer last step (gatling module: {@code Phases.EXTENSION_FILE}). */
	static final String EXTENSION_FILE = "extend-last-step-millis";

	/** The most a drill's window is lengthened; the simulation caps it at as much ({@code Phases.MAX_EXTENSION}). */
	static final Duration MAX_EXTENSION = Duration.ofSeconds(30);

	/** How long before the window's end it is decided whether to lengthen it: the simulation reads the file every 100 ms. */
	static final Duration EXTENSION_LEAD = Duration.ofSeconds(2);

	/**
	 * How much longer a window gets while a drill event is still running, decided again {@link #EXTENSION_LEAD}
	 * before the new end: no longer than {@link #AFTER_LAST_EVENT} less the lead, so that the window ends
	 * {@link #AFTER_LAST_EVENT} after the event, not up to a step later.
	 */
	static final Duration EXTENSION_STEP = Duration.ofSeconds(2);

	/**
	 * What a window keeps after a drill's last event: a recovery needs 3 s without errors, and 1 s to
	 * spare (the demo's failover, a restart at 7 s of 15, needs no more when the restart takes up to 4 s).
	 */
	static final Duration AFTER_LAST_EVENT = Duration.ofSeconds(DrillAnalysis.QUIET_SECONDS + 1);

	private final PrintWriter out;

	private final Path repo;

	private final String runtime;

	public LoadRun(PrintWriter out, Path repo) {
		this(out, repo, "native");
	}

	/** @param runtime where the stacks run: {@code native} or {@code docker} ({@link StackRuntime#of(String, PrintWriter)}) */
	public LoadRun(PrintWriter out, Path repo, String runtime) {
		this.out = out;
		this.repo = repo;
		this.runtime = runtime;
	}

	/** A new result's folder: {@code <parent>/<timestamp>-<name>}, absolute. */
	public static Path resultsFolder(Path parent, String name) {
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		return parent.resolve(stamp + "-" + name).toAbsolutePath();
	}

	/** Runs every repeat, each on a fresh stack, and returns the results folder. */
	public Path run(LoadSpec spec) {
		Path dir = resultsFolder(spec.resultsDir(), spec.name());
		List<Repeat> repeats = new ArrayList<>();
		for (int r = 1; r <= spec.repeats(); r++) {
			Path repeatDir = spec.repeats() == 1 ? dir : dir.resolve("repeat-" + r);
			String tag = "[" + r + "/" + spec.repeats() + "]";
			LiveStack live = start(spec.stack(), spec.drill() != null && spec.drill().injectsRedisLatency(), tag);
			try {
				repeats.add(measure(live, spec, tag, repeatDir));
			}
			finally {
				stop(live, repeatDir.resolve("logs"));
			}
		}
		writeResults(dir, spec, repeats);
		return dir;
	}

	/** Writes summary.json and env.json of a run made of these repeats, and prints its figures. */
	public Summary writeResults(Path dir, LoadSpec spec, List<Repeat> repeats) {
		try {
			Files.createDirectories(dir);
			Summary summary = Summary.of(spec.name(), LocalDateTime.now().toString(), spec.describe(),
					repeats.stream().map(Repeat::figures).toList(),
					repeats.stream().map(Repeat::drill).filter(java.util.Objects::nonNull).toList());
			JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
			Map<String, Object> env = Environment.collect(this.repo, spec.stack().javaHome(), spec.stack().launchOptions(),
					spec.describe());
			env.put("runtime", this.runtime);
			if ("docker".equals(this.runtime)) {
				// The stack ran the images' packages: the host's nginx, Redis and JDK above are the harness's only.
				env.put("images", DockerStack.images(spec.stack().variant()));
			}
			JSON.writeValue(dir.resolve("env.json").toFile(), env);
			printSummary(summary, dir);
			return summary;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A stack started for load: the stack, its latest state (a drill may restart processes) and
	 * the Redis latency proxy between the apps and Redis, if any.
	 */
	public static final class LiveStack {

		final StackRuntime stack;

		final RedisLatencyProxy proxy;

		StackState state;

		LiveStack(StackRuntime stack, StackState state, RedisLatencyProxy proxy) {
			this.stack = stack;
			this.state = state;
			this.proxy = proxy;
		}

		/** A stack someone else started (without a Redis latency proxy), for drills on it. */
		public static LiveStack running(StackState state) {
			return new LiveStack(StackRuntime.of(Path.of(state.runDir()), new PrintWriter(PrintWriter.nullWriter())),
					state, null);
		}

		/** The stack as it is now (a drill may have restarted processes). */
		public StackState state() {
			return this.state;
		}
	}

	/**
	 * Starts a stack for load; with {@code latencyProxy}, the apps reach Redis through the proxy
	 * that redis-latency drills adjust.
	 */
	public LiveStack start(StackSpec spec, boolean latencyProxy, String tag) {
		RedisLatencyProxy proxy = null;
		StackSpec stackSpec = spec;
		if (latencyProxy && !"native".equals(this.runtime)) {
			throw new StackException("redis-latency needs the native runtime: its delay is a TCP proxy on this host "
					+ "between the apps and Redis, and a container's apps reach Redis on their own network");
		}
		if (latencyProxy) {
			proxy = RedisLatencyProxy.start(freePort(), "127.0.0.1", spec.redisPort());
			stackSpec = spec.withAppEnv("REDIS_PORT", String.valueOf(proxy.port()));
		}
		say("%s starting %s × %d (nginx %s)", tag, stackSpec.variant().id(), stackSpec.instances(), stackSpec.lb().id());
		StackRuntime stack = StackRuntime.of(this.runtime, new PrintWriter(PrintWriter.nullWriter()));
		try {
			return new LiveStack(stack, stack.up(stackSpec), proxy);
		}
		catch (RuntimeException ex) {
			if (proxy != null) {
				proxy.close();
			}
			throw ex;
		}
	}

	/**
	 * Waits until every process of the stack answers healthy, and says so when it had to wait. A
	 * drill repairs what it broke, but what it started again may still be starting when its window
	 * ends, or not be back at all: on 2026-12-04 a demo's Redis outage drill could not start Redis
	 * again, and the revocation probe after it got a 503 at its first login. After this wait the
	 * next study starts on a ready stack, or fails naming what is not healthy.
	 *
	 * @throws StackException when a process is still not healthy after {@code timeout}
	 */
	public void awaitHealthy(LiveStack live, Duration timeout, String tag) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		List<MemberStatus> status;
		while (true) {
			StackState now = StackState.load(Path.of(live.state.runDir())).orElse(live.state);
			status = live.stack.status(now);
			if (status.stream().allMatch(MemberStatus::isUp) || System.nanoTime() > deadline) {
				break;
			}
			sleep(250);
		}
		double waited = (System.nanoTime() - start) / 1e9;
		List<String> unhealthy = status.stream().filter(m -> !m.isUp()).map(m -> m.name() + ": " + m.health()).toList();
		if (!unhealthy.isEmpty()) {
			throw new StackException("the stack was not healthy again within " + timeout.toSeconds() + " s: "
					+ String.join(", ", unhealthy));
		}
		if (waited >= 0.5) {
			say("%s waited %.1f s until every process was healthy again", tag, waited);
		}
	}

	/** Stops the stack and keeps its process logs in {@code logsTo}. */
	public void stop(LiveStack live, Path logsTo) {
		try {
			live.stack.down(StackState.load(Path.of(live.state.runDir())).orElse(live.state));
		}
		finally {
			if (live.proxy != null) {
				live.proxy.close();
			}
			copyLogs(Path.of(live.state.runDir()).resolve("logs"), logsTo);
		}
	}

	/**
	 * CPU seconds so far of each process named in {@code pids}: from {@code /proc} natively; on
	 * docker the stack's from its containers' cgroups (Docker API, any Docker host), the load
	 * generator's (a process of this host) from {@code /proc}.
	 */
	private Map<String, Double> cpu(StackState state, Map<String, Long> pids) {
		if (!"docker".equals(this.runtime)) {
			return ProcessCpu.sample(pids);
		}
		// The load generator first: it ends with the window, and the Docker API takes a second or so.
		Map<String, Double> generator = ProcessCpu.sample(Map.of(RunAnalysis.LOAD_GENERATOR,
				pids.get(RunAnalysis.LOAD_GENERATOR)));
		List<String> members = pids.keySet().stream().filter(name -> !name.equals(RunAnalysis.LOAD_GENERATOR)).toList();
		Map<String, Double> seconds = new LinkedHashMap<>(DockerStack.cpuSeconds(state, members));
		seconds.putAll(generator);
		return seconds;
	}

	/** One measured repeat: its figures, and its drill report if it ran a drill. */
	public record Repeat(RunFigures figures, DrillReport drill) {
	}

	/**
	 * One measurement on a running stack: verify (no load on a stack that fails it), Gatling,
	 * CPU and Redis sampled over the measurement window, the drill if any, the analysis.
	 */
	public Repeat measure(LiveStack live, LoadSpec spec, String tag, Path dir) {
		createDirectories(dir);
		DrillRunner drill = null;
		GatlingRunner.Started gatling = null;
		MeasurementWindow window;
		try {
			verifyOrRefuse(live.state, tag);
			gatling = startLoad(spec, live.state, dir, tag);
			if (spec.drill() != null) {
				drill = new DrillRunner(live.stack, live.state, spec.drill(), live.proxy, this.out);
				// While the load warms up: the probe's logins must not hold the drill's first fault.
				drill.logInProbes();
			}
			Opening opening = open(live.state, gatling, awaitMeasureStart(gatling, tag));
			if (drill != null) {
				drill.start(opening.startMillis());
				say("%s drill %s: %s", tag, spec.drill().name(), spec.drill().describe());
			}
			long end = measureUntil(opening.startMillis(), spec.duration(), drill, gatling, tag);
			window = close(opening, drill != null ? drill.state() : live.state, gatling, end);
			if (drill != null) {
				drill.close();
			}
			awaitExit(gatling);
		}
		finally {
			if (gatling != null && gatling.process().isAlive()) {
				gatling.process().destroyForcibly();
			}
			if (drill != null) {
				drill.close();
				live.state = drill.state();
			}
		}
		// nginx writes its buffered access log at the latest 250 ms after a line (buffer=64k flush=250ms),
		// and Gatling exits only once the last request sent in the window has its answer: a 1 s flush
		// and a 1.5 s wait here took 5.5 s more over the demo's five drill runs.
		sleep(400);
		RunFigures figures = analyse(live, spec, gatling, window);
		DrillReport report = drill == null ? null : drillReport(spec, drill, gatling, window);
		say("%s %,.0f req/s (%,.0f ok), p50 %.2f ms, p99 %.2f ms, %s", tag, figures.throughput(),
				figures.okThroughput(), figures.latency().p50(), figures.latency().p99(),
				figures.valid() ? "valid" : "INVALID");
		return new Repeat(figures, report);
	}

	private static DrillReport drillReport(LoadSpec spec, DrillRunner drill, GatlingRunner.Started gatling,
			MeasurementWindow window) {
		return DrillAnalysis.analyse(spec.drill(), drill.executed(),
				Timeline.read(gatling.metricsDir().resolve("timeline.json")),
				LatencyLog.read(gatling.metricsDir().resolve("latency.hlog")), spec.stack().variant().id(),
				window.startMillis(), window.endMillis());
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private GatlingRunner.Started startLoad(LoadSpec spec, StackState state, Path dir, String tag) {
		GatlingRunner.Started gatling = new GatlingRunner(this.repo, Path.of(System.getProperty("java.home")))
			.start(spec.scenario().simulation(), spec.simulationProperties(state.url()), spec.generatorOptions(), dir);
		say("%s load: %s, %s %s, %.0f s measured after warm-up (at most %.0f s)", tag, spec.scenario().id(),
				spec.scenario().open() ? "rate/s" : "users", spec.ladder(), spec.duration().toMillis() / 1000.0,
				spec.warmupMax().toMillis() / 1000.0);
		return gatling;
	}

	/**
	 * The measurement window as it opened: when, after how long a warm-up, and the counters (CPU
	 * of every process, Redis's) its costs are measured from.
	 */
	private record Opening(long startMillis, double warmupSeconds, boolean warmupBoundHit, StackState state,
			Map<String, Long> pids, Map<String, Double> cpu, long sampledAt, RedisCommandStats.Sample redis) {
	}

	/** Opens the window at the measurement start the simulation announced in {@code events}. */
	private Opening open(StackState state, GatlingRunner.Started gatling, RunEvents events) {
		long start = events.measureStartMillis().orElseThrow();
		double warmupSeconds = (start - events.last("start").map(e -> e.get("epochMillis").asLong()).orElse(start))
				/ 1000.0;
		Map<String, Long> pids = pids(state, gatling);
		Map<String, Double> cpu = cpu(state, pids);
		long sampledAt = System.currentTimeMillis();
		return new Opening(start, warmupSeconds, events.warmupBoundHit(), state, pids, cpu, sampledAt,
				redisSample(state));
	}

	/**
	 * Closes the window at {@code end}: what CPU and Redis spent since it opened, sampled on the
	 * stack as it is now (a drill may have restarted processes).
	 */
	private MeasurementWindow close(Opening opening, StackState now, GatlingRunner.Started gatling, long end) {
		Map<String, Long> pids = pids(now, gatling);
		ProcessCpu.Window cpu = ProcessCpu.between(opening.pids(), opening.cpu(), pids, cpu(now, pids),
				(double) (end - opening.startMillis()) / Math.max(1, System.currentTimeMillis() - opening.sampledAt()));
		RedisCommandStats.Sample redis = redisSample(now);
		boolean redisRan = opening.state().hasRedis() || now.hasRedis();
		return new MeasurementWindow(opening.startMillis(), end, opening.warmupSeconds(), opening.warmupBoundHit(), cpu,
				redisRan ? RedisCommandStats.between(opening.redis(), redis) : null);
	}

	/** The run's figures, from what the simulation and nginx recorded over the window. */
	private static RunFigures analyse(LiveStack live, LoadSpec spec, GatlingRunner.Started gatling,
			MeasurementWindow window) {
		Path accessLog = Path.of(live.state.runDir()).resolve("logs").resolve("access.json");
		Long faultAt = spec.drill() == null || spec.drill().events().isEmpty() ? null
				: window.startMillis() + spec.drill().events().get(0).at().toMillis();
		return RunAnalysis.analyse(new RunAnalysis.Input(gatling.metricsDir(), window, spec.ladder(),
				spec.stepDuration().toMillis(), Files.exists(accessLog) ? AccessLog.read(accessLog) : null,
				MachineCpu.count(), faultAt));
	}

	private void verifyOrRefuse(StackState state, String tag) {
		Verify.Result result = Verify.run(state.url(), Verify.Target.of(state));
		if (!result.passed()) {
			result.print(this.out);
			throw new StackException("verify failed (" + result.failures() + " checks): no load is sent to a stack that "
					+ "breaks the API contract");
		}
		say("%s verify: %d checks passed", tag, result.checks().size());
	}

	/** Waits for the simulation to end its warm-up; returns its events, which announce the measurement start. */
	private RunEvents awaitMeasureStart(GatlingRunner.Started gatling, String tag) {
		long windows = 0;
		while (true) {
			RunEvents events = RunEvents.read(gatling.metricsDir());
			if (events.measureStartMillis().isPresent()) {
				say("%s warm-up done after %d windows%s; measuring", tag, events.warmupWindows(),
						events.warmupBoundHit() ? " (bound hit: it did not converge)" : "");
				return events;
			}
			if (events.warmupWindows() > windows) {
				windows = events.warmupWindows();
				say("%s warm-up window %d: %s ok", tag, windows,
						events.last("warmup-window").map(e -> e.get("ok").asString()).orElse("?"));
			}
			if (!gatling.process().isAlive()) {
				throw new StackException("Gatling ended before measurement started (exit " + gatling.process().exitValue()
						+ "); see " + gatling.log());
			}
			sleep(50);
		}
	}

	/**
	 * Waits out the measurement window and returns its end. A drill's window ends later when, shortly
	 * before its planned end, an event is still running or was done too recently for a recovery to
	 * show (3 s without errors, docs/metrics.md): in a demo of 2026-12-06 a restart took 8.3 s on a
	 * slow machine and ended after the window, which then saw no recovery. The simulation is told to
	 * lengthen its last step as much ({@code extend-last-step-millis} in its metrics folder), at most
	 * by {@link #MAX_EXTENSION}.
	 */
	private long measureUntil(long start, Duration planned, DrillRunner drill, GatlingRunner.Started gatling,
			String tag) {
		long plannedEnd = start + planned.toMillis();
		long end = plannedEnd;
		while (drill != null) {
			sleepUntil(end - EXTENSION_LEAD.toMillis(), start, end, tag);
			OptionalLong done = drill.lastEventDoneAt();
			long wanted = done.isPresent() ? done.getAsLong() + AFTER_LAST_EVENT.toMillis()
					: System.currentTimeMillis() + EXTENSION_LEAD.toMillis() + EXTENSION_STEP.toMillis();
			long next = Math.min(plannedEnd + MAX_EXTENSION.toMillis(), wanted);
			if (next <= end) {
				if (done.isEmpty()) {
					say("%s the drill's events are still running %d s after the window's planned end, the most it waits;"
							+ " measuring ends at %d s", tag, MAX_EXTENSION.toSeconds(), (end - start) / 1000);
				}
				break;
			}
			extend(gatling, next - plannedEnd);
			if (done.isPresent()) {
				say("%s the drill's last event was done at %.1f s: the window ends at %.1f s instead of %.1f s", tag,
						(done.getAsLong() - start) / 1000.0, (next - start) / 1000.0, planned.toMillis() / 1000.0);
			}
			else if (end == plannedEnd) {
				say("%s a drill event is still running at %.1f s: the window waits for it, at most %d s more", tag,
						(System.currentTimeMillis() - start) / 1000.0, MAX_EXTENSION.toSeconds());
			}
			end = next;
		}
		sleepUntil(end, start, end, tag);
		return end;
	}

	/** Asks the simulation for a last step this much longer than planned (written in one move). */
	private static void extend(GatlingRunner.Started gatling, long millis) {
		Path file = gatling.metricsDir().resolve(EXTENSION_FILE);
		try {
			Path partial = Files.writeString(gatling.metricsDir().resolve(EXTENSION_FILE + ".partial"),
					Long.toString(millis));
			Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot lengthen the measurement window: " + file, ex);
		}
	}

	private void sleepUntil(long until, long start, long end, String tag) {
		long nextReport = start + 10_000 * (1 + (System.currentTimeMillis() - start) / 10_000);
		while (System.currentTimeMillis() < until) {
			if (System.currentTimeMillis() >= nextReport) {
				say("%s measuring: %d of %d s", tag, (System.currentTimeMillis() - start) / 1000, (end - start) / 1000);
				nextReport += 10_000;
			}
			sleep(Math.min(200, Math.max(1, until - System.currentTimeMillis())));
		}
	}

	private static void awaitExit(GatlingRunner.Started gatling) {
		try {
			if (!gatling.process().waitFor(120, TimeUnit.SECONDS)) {
				throw new StackException("Gatling did not end within 120 s after measurement; see " + gatling.log());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted");
		}
		int exit = gatling.process().exitValue();
		if (exit != 0 && exit != GatlingRunner.ASSERTION_FAILED) {
			throw new StackException("Gatling failed (exit " + exit + "); see " + gatling.log());
		}
	}

	/** Every process to account CPU to: apps, nginx, redis, and the load generator. */
	private static Map<String, Long> pids(StackState state, GatlingRunner.Started gatling) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (Member member : state.members()) {
			if (member.pid() > 0) {
				pids.put(member.name(), member.pid());
			}
		}
		pids.put(RunAnalysis.LOAD_GENERATOR, gatling.pid());
		return pids;
	}

	/**
	 * Redis's counters now (with Sentinel: the primary's, which a failover replaces, so that
	 * window is then not measured), or null when it is not running or does not answer.
	 */
	private static RedisCommandStats.Sample redisSample(StackState state) {
		return state.redisPort().map(port -> {
			try {
				return RedisCommandStats.sample("127.0.0.1", port);
			}
			catch (RuntimeException down) {
				return null;
			}
		}).orElse(null);
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port on 127.0.0.1", ex);
		}
	}

	private static void copyLogs(Path from, Path to) {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.list(from)) {
			Files.createDirectories(to);
			for (Path file : files.toList()) {
				if (Files.isRegularFile(file)) {
					Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy the process logs from " + from, ex);
		}
	}

	private void printSummary(Summary summary, Path dir) {
		this.out.println();
		summary.figures().forEach((name, stats) -> this.out.printf("  %-26s median %,12.2f  (n=%d%s)%n", name,
				stats.median(), stats.n(), Double.isNaN(stats.ciLow()) ? ""
						: String.format(", 95%% CI %,.2f … %,.2f", stats.ciLow(), stats.ciHigh())));
		summary.warnings().forEach(w -> this.out.println("  warning: " + w));
		this.out.printf("%s run. Results: %s%n", summary.valid() ? "Valid" : "INVALID", dir.resolve("summary.json"));
		this.out.flush();
	}

	private void say(String format, Object... args) {
		this.out.printf(format + "%n", args);
		this.out.flush();
	}

	/** Sleeps; an interrupt ends the run with a {@link StackException}. */
	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted");
		}
	}
}
