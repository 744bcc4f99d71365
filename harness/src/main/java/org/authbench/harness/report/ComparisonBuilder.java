package org.authbench.harness.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.authbench.harness.drill.DrillReport;
import org.authbench.harness.load.RunFigures;
import org.authbench.harness.load.Summary;
import org.authbench.harness.metrics.Statistics;
import org.authbench.harness.metrics.Timeline;
import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.stack.Catalogue;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.trial.ModelCheck;
import org.authbench.harness.trial.TrialResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a {@link Comparison} from the runs of a matrix (their {@code summary.json} and the
 * drills' {@code timeline.json}): one row per variant, ratios to the baseline of the same
 * comparison, the drill time lines for the charts.
 */
public final class ComparisonBuilder {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ComparisonBuilder() {
	}

	/**
	 * @param dir the comparison's folder; {@code runs} hold paths relative to it
	 * @param failures what could not be measured and why (a comparison with failures is not valid)
	 */
	public static Comparison build(Path dir, String name, Map<String, Object> settings, List<Comparison.RunRef> runs,
			List<String> failures) {
		return build(dir, name, LocalDateTime.now().toString(), settings, runs, failures);
	}

	/** The same, for a comparison made earlier (its creation time kept). */
	static Comparison build(Path dir, String name, String createdAt, Map<String, Object> settings,
			List<Comparison.RunRef> runs, List<String> failures) {
		Map<String, Map<String, Summary>> byVariant = new LinkedHashMap<>();
		Map<String, Map<Integer, Summary>> byContextSize = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>(failures);
		List<Comparison.DrillTimeline> timelines = new ArrayList<>();
		Map<String, RevocationResult> revocations = new LinkedHashMap<>();
		TrialResult trial = null;
		ModelCheck check = null;
		for (Comparison.RunRef run : runs) {
			if (Comparison.RunRef.TRIAL.equals(run.scenario())) {
				trial = TrialResult.read(dir.resolve(run.dir()).resolve("trial.json"));
				check = ModelCheck.read(dir.resolve(run.dir())).orElse(null);
				trial.warnings().forEach(w -> warnings.add("trial: " + w));
				trial.targets().forEach(t -> byVariant.computeIfAbsent(t.name(), v -> new LinkedHashMap<>()));
				continue;
			}
			if (Comparison.RunRef.REVOCATION.equals(run.scenario())) {
				revocations.put(run.variant(), RevocationResult.read(dir.resolve(run.dir())).named(run.variant()));
				continue;
			}
			Summary summary = JSON.readValue(dir.resolve(run.dir()).resolve("summary.json").toFile(), Summary.class);
			Optional<Integer> contextBytes = Comparison.RunRef.contextBytes(run.scenario());
			if (contextBytes.isPresent()) {
				byContextSize.computeIfAbsent(run.variant(), v -> new LinkedHashMap<>()).put(contextBytes.get(), summary);
			}
			else {
				byVariant.computeIfAbsent(run.variant(), v -> new LinkedHashMap<>()).put(run.scenario(), summary);
			}
			summary.warnings().forEach(w -> warnings.add(run.variant() + " " + run.scenario() + ": " + w));
			if (!summary.drills().isEmpty()) {
				timeline(dir.resolve(run.dir()), run, summary).ifPresent(timelines::add);
			}
		}
		Summary baseline = Optional.ofNullable(byVariant.get(Catalogue.current().reference().id()))
			.map(s -> s.get("throughput"))
			.orElse(null);
		List<Comparison.Row> rows = new ArrayList<>();
		revocations.keySet().forEach(variant -> byVariant.putIfAbsent(variant, new LinkedHashMap<>()));
		TrialResult measured = trial;
		byVariant.forEach((variant, scenarios) -> rows.add(measured != null && measured.target(variant).isPresent()
				? trialRow(variant, measured.target(variant).get(), scenarios, revocations.get(variant))
				: row(variant, scenarios, baseline, revocations.get(variant))));
		List<Comparison.ContextSize> contextSizes = new ArrayList<>();
		byContextSize.forEach((variant, sizes) -> contextSizes.addAll(contextSizes(variant, sizes)));
		boolean valid = failures.isEmpty() && runs.stream().allMatch(Comparison.RunRef::valid);
		List<Comparison.Capacity> model = trial == null ? List.of() : CapacityModel.of(trial);
		Comparison.Trial trialSummary = trial == null ? null
				: new Comparison.Trial(trial.reference(), trial.rate(), trial.settings().window().toMillis() / 1000.0,
						trial.settings().rounds(), trial.pinning().generatorCpus(), trial.pinning().systemCpus(),
						trial.pairs(), model, check == null ? List.of() : CapacityModel.validate(model, check),
						trial.settings().tolerance(), trial.compilerQuiet(), trial.cpuSpeed(), trial.settings().arrivals());
		return new Comparison(Comparison.SCHEMA, name, createdAt, settings, machine(dir, runs),
				valid, warnings, rows, runs, timelines, contextSizes, List.copyOf(revocations.values()), trialSummary);
	}

	/**
	 * A row whose capacity and cost come from the interleaved trial: medians over rounds with their
	 * 95% intervals; ratios paired within each round; the drills as in {@link #row}.
	 */
	private static Comparison.Row trialRow(String variant, TrialResult.Target target, Map<String, Summary> scenarios,
			RevocationResult revocation) {
		Map<String, Double> rounds = new LinkedHashMap<>();
		List<Double> capacities = target.capacity() == null ? List.of() : target.capacity().values();
		for (int r = 0; r < capacities.size(); r++) {
			rounds.put("round " + (r + 1), capacities.get(r));
		}
		Map<String, Double> latency = new LinkedHashMap<>();
		if (target.latencyP99Ms() != null) {
			latency.put("p99", target.latencyP99Ms().median());
		}
		return new Comparison.Row(variant, statistics(target.capacity()), statistics(target.latencyP99Ms()),
				statistics(target.cpuAtRate()), median(target.cpuRatio()), median(target.capacityRatio()),
				statistics(target.redisCommandsPerRequest()), incident(scenarios.get("failover")),
				incident(scenarios.get("redis-outage")),
				revocation != null ? "measured: " + revocation.verdict() : "by design: " + revocationDelay(variant, null),
				infrastructure(variant), rounds, latency, target.capacityRatio(), target.cpuRatio(), !target.converged(),
				drills(scenarios), redisCost(target));
	}

	/** What Redis costs by role, from a trial's target; null without Redis. */
	static Comparison.RedisCost redisCost(TrialResult.Target target) {
		if (target.redisCpuMicrosPerRequest() == null) {
			return null;
		}
		return new Comparison.RedisCost(statistics(target.redisCpuMicrosPerRequest()),
				statistics(target.replicaCpuMicrosPerRequest()), statistics(target.sentinelCpuMicrosPerRequest()),
				target.sentinelCpuMillisPerSecond(), statistics(target.replicationBytesPerRequest()));
	}

	/** A trial's median and 95% interval in the comparison's figure type (its interval is the median's). */
	static Statistics statistics(MedianInterval value) {
		if (value == null) {
			return null;
		}
		double mean = value.values().stream().mapToDouble(Double::doubleValue).average().orElse(value.median());
		return new Statistics(value.n(), value.median(), mean, value.low(), value.high());
	}

	private static Double median(MedianInterval value) {
		return value == null ? null : Math.round(100.0 * value.median()) / 100.0;
	}

	/** One entry per size, in increasing size; the ratio is to the smallest size of the same variant. */
	private static List<Comparison.ContextSize> contextSizes(String variant, Map<Integer, Summary> sizes) {
		List<Integer> ordered = sizes.keySet().stream().sorted().toList();
		Statistics smallest = figure(sizes.get(ordered.get(0)), "okThroughput");
		return ordered.stream().map(bytes -> {
			Summary run = sizes.get(bytes);
			Statistics capacity = figure(run, "okThroughput");
			return new Comparison.ContextSize(variant, bytes, capacity, ratio(capacity, smallest),
					figure(run, "cpuMicrosPerRequest"), figure(run, "redisCommandsPerRequest"),
					figure(run, "redisBytesPerRequest"), figure(run, "bytesReceivedPerRequest"),
					figure(run, "bytesSentPerRequest"));
		}).toList();
	}

	private static Comparison.Row row(String variant, Map<String, Summary> scenarios, Summary baseline,
			RevocationResult revocation) {
		Summary throughput = scenarios.get("throughput");
		Statistics capacity = figure(throughput, "okThroughput");
		Statistics cpu = figure(throughput, "cpuMicrosPerRequest");
		Double cpuRatio = ratio(cpu, figure(baseline, "cpuMicrosPerRequest"));
		Double capacityRatio = ratio(capacity, figure(baseline, "okThroughput"));
		Map<String, Double> steps = new LinkedHashMap<>();
		Map<String, Double> latency = new LinkedHashMap<>();
		if (throughput != null && !throughput.repeats().isEmpty()) {
			RunFigures first = throughput.repeats().get(0);
			first.steps().forEach(step -> steps.put(String.valueOf(step.level()), step.okThroughput()));
			RunFigures.Step top = first.steps().get(first.steps().size() - 1);
			latency.put("p50", top.latency().p50());
			latency.put("p90", top.latency().p90());
			latency.put("p99", top.latency().p99());
			latency.put("p99.9", top.latency().p999());
		}
		return new Comparison.Row(variant, capacity, figure(throughput, "latencyP99Ms"), cpu, cpuRatio, capacityRatio,
				figure(throughput, "redisCommandsPerRequest"), incident(scenarios.get("failover")),
				incident(scenarios.get("redis-outage")),
				revocation != null ? "measured: " + revocation.verdict() : "by design: " + revocationDelay(variant, throughput),
				infrastructure(variant),
				steps, latency, null, null, false, drills(scenarios));
	}

	private static Statistics figure(Summary summary, String name) {
		return summary == null ? null : summary.figures().get(name);
	}

	private static Double ratio(Statistics value, Statistics baseline) {
		if (value == null || baseline == null || baseline.median() == 0) {
			return null;
		}
		return Math.round(100.0 * value.median() / baseline.median()) / 100.0;
	}

	/** The first incident of the drill's first repeat. */
	private static Comparison.Incident incident(Summary drill) {
		if (drill == null || drill.drills().isEmpty() || drill.drills().get(0).incidents().isEmpty()) {
			return null;
		}
		return together(drill, List.of(drill.drills().get(0).incidents().get(0)));
	}

	/** Every drill of a row by scenario, each the incidents of its first repeat taken together. */
	private static Map<String, Comparison.Incident> drills(Map<String, Summary> scenarios) {
		Map<String, Comparison.Incident> drills = new LinkedHashMap<>();
		scenarios.forEach((scenario, summary) -> {
			if (!summary.drills().isEmpty() && !summary.drills().get(0).incidents().isEmpty()) {
				drills.put(scenario, together(summary, summary.drills().get(0).incidents()));
			}
		});
		return drills;
	}

	/**
	 * Incidents taken together (a rolling restart has one per instance): losses and failures
	 * add up, the longest recovery and the worst p99 while broken count, the time broken runs
	 * from the first event to the last repair.
	 */
	private static Comparison.Incident together(Summary drill, List<DrillReport.Incident> incidents) {
		DrillReport.Incident first = incidents.get(0);
		long lost = 0;
		long failed = 0;
		long alive = 0;
		Long aliveOnTarget = 0L;
		Long recovery = 0L;
		Double p99During = null;
		Long revocationsLost = null;
		for (DrillReport.Incident incident : incidents) {
			if (incident.probe() != null) {
				revocationsLost = (revocationsLost == null ? 0 : revocationsLost) + incident.probe().revokedAccepted();
			}
			if (incident.afterThawProbe() != null) {
				// Logouts at a woken Redis primary before the Sentinels demoted it (docs/design.md §10).
				revocationsLost = (revocationsLost == null ? 0 : revocationsLost)
						+ incident.afterThawProbe().revokedAccepted();
			}
			lost += incident.sessionsLost();
			failed += incident.failed().getOrDefault("serverError", 0L) + incident.failed().getOrDefault("connectError", 0L);
			alive = Math.max(alive, incident.sessionsAlive());
			aliveOnTarget = aliveOnTarget == null || incident.sessionsAliveOnTarget() == null ? null
					: aliveOnTarget + incident.sessionsAliveOnTarget();
			recovery = recovery == null || incident.recoveryMillis() == null ? null
					: Math.max(recovery, incident.recoveryMillis());
			if (incident.during() != null) {
				p99During = p99During == null ? incident.during().p99() : Math.max(p99During, incident.during().p99());
			}
		}
		boolean single = incidents.size() == 1;
		Double failoverLoss = single ? first.failoverLoss()
				: aliveOnTarget == null || aliveOnTarget == 0 ? null : (double) lost / aliveOnTarget;
		Double lostShare = single ? first.lostShare() : alive == 0 ? null : (double) lost / alive;
		return new Comparison.Incident(lost, failoverLoss, lostShare, failed, recovery, alive, aliveOnTarget,
				brokenMillis(drill, first, incidents.get(incidents.size() - 1)),
				first.before() == null ? null : first.before().p99(), p99During, revocationsLost);
	}

	/** From the first breaking event to the last repair of the last incident; null without repairs. */
	private static Long brokenMillis(Summary drill, DrillReport.Incident first, DrillReport.Incident last) {
		if (last.repairs().isEmpty() || drill.repeats().isEmpty()) {
			return null;
		}
		long start = drill.repeats().get(0).window().startEpochMillis();
		double repaired = repairSecond(last.repairs().get(last.repairs().size() - 1));
		return Math.round(repaired * 1000) - (first.atMillis() - start);
	}

	/** When a repair happened, in seconds from the window's start: {@code start redis@9s (at +9.0 s, done +9.256 s)}. */
	private static double repairSecond(String repair) {
		return Double.parseDouble(repair.replaceAll(".*\\(at \\+([0-9.]+) s.*", "$1"));
	}

	/**
	 * How long a logged-out credential keeps working, from the variant's configuration as the
	 * run recorded it, for comparisons without the revocation scenario; the tests assert these
	 * (contract tests, RevocationModesIntegrationTests, RevocationProbeIntegrationTests).
	 */
	static String revocationDelay(String setup, Summary run) {
		Object env = run == null ? null : run.settings().get("appEnv");
		return variantOf(setup)
			.map(variant -> variant.revocationDelay(env instanceof Map<?, ?> settings ? stringKeys(settings)
					: Catalogue.current().find(setup).map(Setup::env).orElse(Map.of())))
			.orElse("unknown");
	}

	static String infrastructure(String setup) {
		return variantOf(setup).map(Variant::infrastructure).orElse("");
	}

	/** The variant a row's setup is a configuration of ({@code jwt-none} → {@code jwt}); empty for another name. */
	static Optional<Variant> variantOf(String setup) {
		return Catalogue.current().find(setup).map(Setup::variant);
	}

	private static Map<String, Object> stringKeys(Map<?, ?> map) {
		Map<String, Object> settings = new LinkedHashMap<>();
		map.forEach((key, value) -> settings.put(String.valueOf(key), value));
		return settings;
	}

	private static Optional<Comparison.DrillTimeline> timeline(Path runDir, Comparison.RunRef run, Summary summary) {
		Path metrics = Files.isDirectory(runDir.resolve("metrics")) ? runDir.resolve("metrics")
				: runDir.resolve("repeat-1").resolve("metrics");
		Path file = metrics.resolve("timeline.json");
		if (!Files.exists(file) || summary.repeats().isEmpty()) {
			return Optional.empty();
		}
		Timeline timeline = Timeline.read(file);
		RunFigures.Window window = summary.repeats().get(0).window();
		List<Integer> seconds = new ArrayList<>();
		List<Long> ok = new ArrayList<>();
		List<Long> lost = new ArrayList<>();
		List<Long> errors = new ArrayList<>();
		for (Timeline.Second second : timeline.seconds()) {
			// Whole seconds only: a window ends a few ms into its last second (a drill that ran late
			// lengthens it), whose count then drew a dip to nearly nothing at every chart's end.
			if (second.epochMillis() >= window.startEpochMillis() && second.epochMillis() + 1000 <= window.endEpochMillis()) {
				seconds.add((int) ((second.epochMillis() - window.startEpochMillis()) / 1000));
				ok.add(second.ok());
				lost.add(second.authLost());
				errors.add(second.serverError() + second.connectError() + second.clientError());
			}
		}
		List<Comparison.Event> events = new ArrayList<>();
		for (DrillReport.Incident incident : summary.drills().get(0).incidents()) {
			events.add(new Comparison.Event((incident.atMillis() - window.startEpochMillis()) / 1000.0,
					incident.event().replaceAll("@.*", "")));
			for (String repair : incident.repairs()) {
				events.add(new Comparison.Event(repairSecond(repair), repair.replaceAll("@.*", "")));
			}
		}
		return Optional.of(new Comparison.DrillTimeline(run.variant(), run.scenario(), seconds, ok, lost, errors, events));
	}

	private static String machine(Path dir, List<Comparison.RunRef> runs) {
		if (runs.isEmpty()) {
			return "";
		}
		Path env = dir.resolve(runs.get(0).dir()).resolve("env.json");
		if (!Files.exists(env)) {
			return "";
		}
		JsonNode json = JSON.readTree(env.toFile());
		JsonNode machine = json.path("machine");
		return "%s, %s cores, %s GiB, %s, JDK %s, %s, %s, Gatling %s".formatted(
				machine.path("cpuModel").asString("?"), machine.path("cores").asString("?"),
				machine.path("memoryGiB").asString("?"), json.path("os").path("name").asString("?"),
				json.path("jdk").path("version").asString("?"), json.path("nginx").asString("?").replace("nginx version: ", ""),
				json.path("redis").asString("?").replaceAll(" sha=.*", ""), json.path("gatling").asString("?"));
	}
}
