package org.authbench.harness.trial;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.authbench.harness.metrics.ProcessCpu;
import org.authbench.harness.metrics.RedisCommandStats;

/**
 * {@code model-check.json}: measurements the capacity model's predictions are checked against
 * (docs/report.md), made on the trial's warm stacks right after its rounds.
 * <ul>
 * <li><b>Redis</b>: per design with Redis, its commands as MONITOR saw them in a 2 s load, replayed
 * at saturation against a fresh Redis on the systems' CPU ({@link RedisCeiling}).</li>
 * <li><b>App</b>: per design, closed load with its app instances under a CPU quota of
 * {@link #QUOTAS} cores ({@link CpuQuota}), nginx and Redis free on the rest of the systems' CPU:
 * the model says capacity grows linearly with the app's CPU.</li>
 * </ul>
 *
 * @param redis one per design with Redis
 * @param app one per design and quota
 * @param notes what could not be measured, and why
 */
public record ModelCheck(List<RedisRun> redis, List<QuotaRun> app, List<String> notes) {

	public static final String FILE = "model-check.json";

	/** App CPU quotas, cores: below one, so that nginx and Redis keep CPU next to the app on a single systems' CPU. */
	static final List<Double> QUOTAS = List.of(0.5, 0.25);

	public ModelCheck {
		redis = redis == null ? List.of() : List.copyOf(redis);
		app = app == null ? List.of() : List.copyOf(app);
		notes = notes == null ? List.of() : List.copyOf(notes);
	}

	/**
	 * @param target the design
	 * @param captured commands MONITOR captured (the replayed sequence)
	 * @param captureRequests requests of the capture's load
	 * @param captureCommandsPerRequest commands per request in the capture ({@code INFO commandstats}):
	 * a check that the captured mix is the trial's
	 * @param replay what the replay at saturation measured
	 */
	public record RedisRun(String target, int captured, long captureRequests, Double captureCommandsPerRequest,
			RedisCeiling.Replay replay) {
	}

	/**
	 * @param target the design
	 * @param quotaCores the app instances' CPU quota, all together
	 * @param seconds the measured window
	 * @param requests requests answered in it
	 * @param errors non-2xx answers and socket errors
	 * @param requestsPerSecond requests ÷ seconds
	 * @param processCpuSeconds CPU of each of the design's processes in the window
	 */
	public record QuotaRun(String target, double quotaCores, double seconds, long requests, long errors,
			double requestsPerSecond, Map<String, Double> processCpuSeconds) {
	}

	/** Runs both checks on the trial's stacks and writes {@value #FILE} into {@code dir}. */
	public static ModelCheck run(List<TrialTarget> targets, TrialSettings settings, Path dir, PrintWriter out) {
		Cpus cpus = Cpus.plan(settings.pin());
		WrkLoad wrk = new WrkLoad();
		List<RedisRun> redis = new ArrayList<>();
		List<QuotaRun> app = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Optional<CpuQuota.Hierarchy> cgroups = CpuQuota.available();
		if (cgroups.isEmpty()) {
			notes.add("app scaling not measured: no writable cgroup with a CPU controller under " + CpuQuota.ROOT
					+ " (needs root)");
		}
		cpus.pinSystems(targets);
		cpus.pinSelf();
		try {
			for (TrialTarget target : targets) {
				Workload workload = new Workload(target, settings.mix(), settings.users());
				if (target.redisPort() != null) {
					try {
						redis.add(redis(target, workload, wrk, settings, cpus, dir, out));
					}
					catch (RuntimeException ex) {
						notes.add(target.name() + ": Redis ceiling not measured: " + ex.getMessage());
					}
				}
				if (cgroups.isPresent()) {
					try {
						for (double quota : QUOTAS) {
							app.add(quota(target, workload, wrk, settings, cpus, cgroups.get(), quota, dir, out));
						}
					}
					catch (RuntimeException ex) {
						notes.add(target.name() + ": app scaling not measured: " + ex.getMessage());
					}
				}
			}
		}
		finally {
			cpus.unpinSystems(targets);
			cpus.unpinSelf();
		}
		ModelCheck check = new ModelCheck(redis, app, notes);
		try {
			Files.createDirectories(dir);
			InterleavedTrial.JSON.writeValue(dir.resolve(FILE).toFile(), check);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		notes.forEach(note -> out.println("model check: " + note));
		out.flush();
		return check;
	}

	/** {@value #FILE} next to a trial's {@code trial.json}, when the check ran. */
	public static Optional<ModelCheck> read(Path trialDir) {
		Path file = trialDir.resolve(FILE);
		return Files.isRegularFile(file) ? Optional.of(InterleavedTrial.JSON.readValue(file.toFile(), ModelCheck.class))
				: Optional.empty();
	}

	private static RedisRun redis(TrialTarget target, Workload workload, WrkLoad wrk, TrialSettings settings, Cpus cpus,
			Path dir, PrintWriter out) {
		List<WrkLoad.Request> cycle = workload.cycle();
		RedisCommandStats.Sample before = RedisCommandStats.sample("127.0.0.1", target.redisPort());
		WrkLoad.Result[] load = new WrkLoad.Result[1];
		List<List<byte[]>> captured = RedisCeiling.capture(target.redisPort(),
				() -> load[0] = wrk.run(target.baseUrl(), cycle, settings.threads(), Math.max(settings.threads(), 4),
						Duration.ofSeconds(2), null, cpus.generatorList(), dir.resolve("model-check").resolve(target.name())));
		RedisCommandStats.Window window = RedisCommandStats.between(before,
				RedisCommandStats.sample("127.0.0.1", target.redisPort()));
		Double perRequest = window.measured() && load[0].requests() > 0
				? Math.round(RedisCommandStats.total(window.calls()) * 1000.0 / load[0].requests()) / 1000.0 : null;
		RedisCeiling.Replay replay = RedisCeiling.measure(captured, target.redisPort(),
				"any".equals(cpus.systems()) ? null : cpus.systems(), cpus.generatorList(), Duration.ofSeconds(1),
				Duration.ofSeconds(4), dir.resolve("model-check").resolve(target.name() + "-redis"));
		out.printf("model check: %s Redis at saturation%s: %,.0f commands/s, %.2f µs CPU per command, busy %.2f cores "
				+ "(mix of %d captured commands %s; %s commands per request in the capture)%n", target.name(),
				replay.replicas() > 0 ? " feeding " + replay.replicas() + " replica(s)" : "", replay.commandsPerSecond(),
				replay.microsPerCommand(), replay.busyCores(), captured.size(), replay.mix(), perRequest);
		out.flush();
		return new RedisRun(target.name(), captured.size(), load[0].requests(), perRequest, replay);
	}

	private static QuotaRun quota(TrialTarget target, Workload workload, WrkLoad wrk, TrialSettings settings, Cpus cpus,
			CpuQuota.Hierarchy cgroups, double cores, Path dir, PrintWriter out) {
		Map<String, Long> pids = target.pids().get();
		List<Long> apps = pids.entrySet().stream().filter(e -> e.getKey().startsWith("app")).map(Map.Entry::getValue).toList();
		if (apps.isEmpty()) {
			throw new IllegalStateException("no app process");
		}
		List<WrkLoad.Request> cycle = workload.cycle();
		Path work = dir.resolve("model-check").resolve(target.name() + "-quota");
		try (CpuQuota quota = CpuQuota.limit(cgroups, cores, apps)) {
			// One short window unmeasured: the queues settle at the new rate.
			wrk.run(target.baseUrl(), cycle, settings.threads(), settings.connections(), Duration.ofSeconds(1), null,
					cpus.generatorList(), work);
			Map<String, Double> before = ProcessCpu.sample(pids);
			WrkLoad.Result result = wrk.run(target.baseUrl(), cycle, settings.threads(), settings.connections(),
					settings.window(), null, cpus.generatorList(), work);
			Map<String, Double> cpu = new LinkedHashMap<>(ProcessCpu.delta(before, ProcessCpu.sample(pids)));
			out.printf("model check: %s with its app under %.2f core: %,.0f req/s, app CPU %.2f cores%n", target.name(), cores,
					result.throughput(), cpu.entrySet().stream().filter(e -> e.getKey().startsWith("app"))
						.mapToDouble(Map.Entry::getValue).sum() / result.seconds());
			out.flush();
			return new QuotaRun(target.name(), cores, result.seconds(), result.requests(), result.errors(),
					Math.round(result.throughput() * 10) / 10.0, cpu);
		}
	}
}
