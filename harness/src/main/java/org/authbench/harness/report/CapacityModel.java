package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.trial.ModelCheck;
import org.authbench.harness.trial.RedisCeiling;
import org.authbench.harness.trial.TrialResult;
import org.authbench.harness.trial.TrialTarget;

import static org.authbench.harness.report.Finding.Unit.COUNT;
import static org.authbench.harness.report.Finding.Unit.DECIMAL;
import static org.authbench.harness.report.Finding.Unit.DECIMAL1;

/**
 * Where each design stops scaling, as a model with its inputs shown (docs/report.md): from the
 * CPU each process used per request while the trial's closed load saturated the system, the
 * requests one app core serves, one nginx core serves, and Redis's one thread serves; the
 * predicted maximum for N app cores is the smaller of N × the app's rate and Redis's ceiling.
 * Linear in app cores up to that ceiling: an upper bound, which contention only lowers.
 */
final class CapacityModel {

	/** The section's id in report.html, GitHub's anchor of its heading in report.md. */
	static final String ANCHOR = "where-each-design-stops-scaling-a-model";

	static final String TITLE = "Where each design stops scaling (a model)";

	/** App cores the chart predicts for. */
	static final List<Integer> CORES = List.of(1, 2, 4, 8, 16, 32, 64);

	static final List<String> HEADERS = List.of("design", "app CPU per request (µs)", "nginx CPU per request (µs)",
			"Redis CPU per request (µs)", "Redis commands per request", "Redis CPU per command (µs)",
			"req/s per app core", "req/s per nginx core", "Redis ceiling (req/s)", "app cores to reach it");

	static final String INTRO = "Inputs: each process's CPU per request in the trial's capacity windows (closed load, "
			+ "the system saturated on its core), medians over rounds. An app core serves 10⁶ ÷ app µs requests/s; "
			+ "Redis runs commands on one thread, so it is busy at 10⁶ ÷ Redis µs requests/s, whatever the number of "
			+ "instances; nginx spreads over cores, one core per 10⁶ ÷ nginx µs requests/s. The prediction for N app "
			+ "cores is the smaller of N × the app's rate and Redis's ceiling: an upper bound that assumes every "
			+ "added core works as the measured one did (contention only lowers it). It is a model, not a measurement.";

	private CapacityModel() {
	}

	/** One entry per configuration the trial measured at capacity. */
	static List<Comparison.Capacity> of(TrialResult trial) {
		List<Comparison.Capacity> model = new ArrayList<>();
		for (TrialResult.Target target : trial.targets()) {
			List<TrialResult.Window> windows = trial.windows()
				.stream()
				.filter(w -> w.target().equals(target.name()) && TrialResult.Window.CAPACITY.equals(w.phase()) && trial.measured(w)
						&& w.requests() > 0 && w.processCpuSeconds() != null && !w.processCpuSeconds().isEmpty())
				.toList();
			if (windows.isEmpty() || target.capacity() == null) {
				continue;
			}
			Map<String, List<Double>> perRequest = new LinkedHashMap<>();
			for (TrialResult.Window window : windows) {
				Map<String, Double> byPart = new LinkedHashMap<>();
				window.processCpuSeconds().forEach((process, seconds) -> byPart.merge(part(process), seconds, Double::sum));
				// The trial's own Redis CPU by role, where it recorded it, rather than names.
				Map<String, Double> roles = window.redisCpuSeconds() == null ? null
						: window.redisCpuSeconds().get(target.name());
				if (roles != null && roles.get(TrialTarget.REDIS) != null) {
					byPart.put("redis", roles.get(TrialTarget.REDIS));
					byPart.remove(REPLICA);
					if (roles.get(TrialTarget.REPLICA) != null) {
						byPart.put(REPLICA, roles.get(TrialTarget.REPLICA));
					}
				}
				byPart.forEach((part, seconds) -> perRequest.computeIfAbsent(part, p -> new ArrayList<>())
					.add(seconds * 1e6 / window.requests()));
			}
			double app = median(perRequest.get("app"));
			double nginx = median(perRequest.get("nginx"));
			if (!(app > 0) || !(nginx > 0)) {
				continue;
			}
			Double redis = perRequest.containsKey("redis") ? median(perRequest.get("redis")) : null;
			Double replica = perRequest.containsKey(REPLICA) ? median(perRequest.get(REPLICA)) : null;
			Double commands = target.redisCommandsPerRequest() == null ? null : target.redisCommandsPerRequest().median();
			boolean redisUsed = redis != null && commands != null && commands > 0 && redis > 0;
			double capacity = target.capacity().median();
			// The busier of Redis's threads sets the ceiling: the primary's, or with Sentinel the replica's,
			// which applies every write the primary streams to it (the primary's CPU includes writing that stream).
			double busiest = redisUsed ? Math.max(redis, replica == null ? 0 : replica) : Double.NaN;
			Double ceiling = redisUsed ? round(1e6 / busiest) : null;
			double used = app + nginx + (redis == null ? 0 : redis) + (replica == null ? 0 : replica);
			model.add(new Comparison.Capacity(target.name(), round(app), round(nginx), redis == null ? null : round(redis),
					commands == null ? null : round(commands), redisUsed ? round(redis / commands) : null,
					round(1e6 / app), round(1e6 / nginx), ceiling, redisUsed ? round(ceiling / (1e6 / app)) : null,
					round(capacity), round(capacity * used / 1e6), replica == null ? null : round(replica)));
		}
		return model;
	}

	/** The Sentinel configurations' replica's CPU, apart from the primary's. */
	static final String REPLICA = "redis-replica";

	/**
	 * The model's part a process belongs to: {@code app-N} → app; Redis alone ({@code redis}) or
	 * with Sentinel the first primary ({@code redis-1}, the primary while the trial runs: it breaks
	 * nothing) → redis; its replica ({@code redis-2}) → {@value #REPLICA}; Sentinels apart.
	 */
	static String part(String process) {
		if (process.startsWith("app")) {
			return "app";
		}
		if (process.startsWith("sentinel")) {
			return "sentinel";
		}
		return switch (process) {
			case "redis", "redis-1" -> "redis";
			case "redis-2" -> REPLICA;
			default -> process;
		};
	}

	/** Predicted maximum requests/s on this many app cores. */
	static double predicted(Comparison.Capacity capacity, int cores) {
		double app = cores * capacity.appRequestsPerCore();
		return capacity.redisCeiling() == null ? app : Math.min(app, capacity.redisCeiling());
	}

	static List<String> cells(Comparison.Capacity c) {
		return List.of(c.variant(), DECIMAL1.format(c.appMicros()), DECIMAL1.format(c.nginxMicros()),
				c.redisMicros() == null ? Cells.NONE : DECIMAL1.format(c.redisMicros()),
				c.redisCommandsPerRequest() == null ? Cells.NONE : DECIMAL.format(c.redisCommandsPerRequest()),
				c.redisMicrosPerCommand() == null ? Cells.NONE : DECIMAL.format(c.redisMicrosPerCommand()),
				COUNT.format(c.appRequestsPerCore()), COUNT.format(c.nginxRequestsPerCore()),
				c.redisCeiling() == null ? "none (no Redis)" : COUNT.format(c.redisCeiling()),
				c.appCoresAtCeiling() == null ? Cells.NONE : Cells.number(c.appCoresAtCeiling(), 1));
	}

	static final List<String> VALIDATION_HEADERS = List.of("design", "check", "how it was measured",
			"predicted (req/s)", "measured (req/s)", "error (%)");

	/**
	 * The model's predictions against the measurements made for them ({@link ModelCheck}):
	 * <ul>
	 * <li>Redis's ceiling (10⁶ ÷ Redis µs per request, from the trial) against the design's own
	 * commands replayed at saturation: their commands/s ÷ the trial's commands per request;</li>
	 * <li>the app under a CPU quota of q cores: q × the requests/s of one app core against the
	 * capacity measured under that quota.</li>
	 * </ul>
	 * Error = (predicted − measured) ÷ measured.
	 */
	static List<Comparison.Validation> validate(List<Comparison.Capacity> model, ModelCheck check) {
		List<Comparison.Validation> checks = new ArrayList<>();
		for (Comparison.Capacity c : model) {
			for (ModelCheck.RedisRun run : check.redis()) {
				RedisCeiling.Replay r = run.replay();
				if (!run.target().equals(c.variant()) || c.redisCeiling() == null || c.redisCommandsPerRequest() == null
						|| r == null || !(r.commandsPerSecond() > 0)) {
					continue;
				}
				double measured = r.commandsPerSecond() / c.redisCommandsPerRequest();
				String how = ("its own commands (%d captured by MONITOR: %s) replayed on a fresh Redis alone on a CPU by %d "
						+ "connections × %d in flight: %s commands/s, %s µs CPU per command (the trial's: %s), Redis busy %s "
						+ "cores%s; ÷ %s commands per request%s").formatted(run.captured(), r.mix(), r.connections(),
								r.depth(), COUNT.format(r.commandsPerSecond()), DECIMAL.format(r.microsPerCommand()),
								c.redisMicrosPerCommand() == null ? Cells.NONE : DECIMAL.format(c.redisMicrosPerCommand()),
								DECIMAL.format(r.busyCores()), r.saturated() ? "" : " (NOT saturated: the generator was the "
										+ "limit, so the measured ceiling is a lower bound)",
								DECIMAL.format(c.redisCommandsPerRequest()),
								c.redisReplicaMicros() == null ? ""
										: "; without its replica, whose CPU per request the prediction counts");
				checks.add(validation(c.variant(), "Redis ceiling", how, c.redisCeiling(), measured, r.saturated()));
			}
			for (ModelCheck.QuotaRun run : check.app()) {
				if (!run.target().equals(c.variant()) || !(run.seconds() > 0) || run.requests() <= 0) {
					continue;
				}
				double appCores = run.processCpuSeconds()
					.entrySet()
					.stream()
					.filter(e -> "app".equals(part(e.getKey())))
					.mapToDouble(Map.Entry::getValue)
					.sum() / run.seconds();
				boolean used = appCores >= 0.9 * run.quotaCores() && run.errors() == 0;
				String how = ("closed load with the app instances under a CPU quota of %s core (cgroup), nginx and Redis "
						+ "free on the rest of the CPU: the app used %s cores%s, %s µs of app CPU per request (the "
						+ "trial's: %s), %s errors").formatted(DECIMAL.format(run.quotaCores()), DECIMAL.format(appCores),
								used ? "" : " (less than its quota, or errors: another part was the limit)",
								DECIMAL1.format(appCores * run.seconds() * 1e6 / run.requests()),
								DECIMAL1.format(c.appMicros()), COUNT.format(run.errors()));
				checks.add(validation(c.variant(), "app under " + DECIMAL.format(run.quotaCores()) + " core", how,
						run.quotaCores() * c.appRequestsPerCore(), run.requestsPerSecond(), used));
			}
		}
		return checks;
	}

	private static Comparison.Validation validation(String variant, String check, String how, double predicted,
			double measured, boolean trusted) {
		return new Comparison.Validation(variant, check, how, round(predicted), round(measured),
				round((predicted - measured) / measured * 100), trusted);
	}

	static List<String> cells(Comparison.Validation v) {
		return List.of(v.variant(), v.check(), v.how(), COUNT.format(v.predicted()), COUNT.format(v.measured()),
				(v.errorPercent() > 0 ? "+" : "") + DECIMAL1.format(v.errorPercent()) + (v.trusted() ? "" : " (untrusted)"));
	}

	/** What this machine could check, and what it could not. */
	static String validation(Comparison.Trial trial) {
		StringBuilder text = new StringBuilder("Checked here: the premise that the loaded system used its core(s) "
				+ "fully at capacity (CPU " + trial.systemCpus() + "): ");
		List<String> uses = trial.model()
			.stream()
			.map(c -> c.variant() + " " + DECIMAL.format(c.coreUse()) + " cores")
			.toList();
		text.append(String.join(", ", uses)).append(".");
		if (trial.validation().isEmpty()) {
			text.append(" Not checked in this comparison: Redis's ceiling against a direct load of the design's own "
					+ "commands, and the app's capacity under a CPU quota against the model's linear scaling; a full "
					+ "comparison (not --quick) measures both after its trial.");
			return text.toString();
		}
		text.append(" Predictions against measurements made for them, error = (predicted − measured) ÷ measured: ");
		text.append(String.join("; ", trial.validation()
			.stream()
			.map(v -> "%s, %s: predicted %s req/s, measured %s, error %s%s".formatted(v.variant(), v.check(),
					COUNT.format(v.predicted()), COUNT.format(v.measured()),
					(v.errorPercent() > 0 ? "+" : "") + DECIMAL1.format(v.errorPercent()) + "%",
					v.trusted() ? "" : " (the measurement did not reach its limit: see the table)"))
			.toList())).append(". What this machine cannot check: more than one app core (it has two, and the "
					+ "generator needs one), so linearity is checked below one core, under a CPU quota.");
		return text.toString();
	}

	private static double median(List<Double> values) {
		return values == null || values.isEmpty() ? Double.NaN : MedianInterval.of(values).median();
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
