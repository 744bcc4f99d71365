package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.trial.TrialResult;

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
				.filter(w -> w.target().equals(target.name()) && "capacity".equals(w.phase()) && w.round() > 0
						&& w.requests() > 0 && w.processCpuSeconds() != null && !w.processCpuSeconds().isEmpty())
				.toList();
			if (windows.isEmpty() || target.capacity() == null) {
				continue;
			}
			Map<String, List<Double>> perRequest = new LinkedHashMap<>();
			for (TrialResult.Window window : windows) {
				Map<String, Double> byPart = new LinkedHashMap<>();
				window.processCpuSeconds()
					.forEach((process, seconds) -> byPart.merge(process.startsWith("app") ? "app" : process, seconds,
							Double::sum));
				byPart.forEach((part, seconds) -> perRequest.computeIfAbsent(part, p -> new ArrayList<>())
					.add(seconds * 1e6 / window.requests()));
			}
			double app = median(perRequest.get("app"));
			double nginx = median(perRequest.get("nginx"));
			if (!(app > 0) || !(nginx > 0)) {
				continue;
			}
			Double redis = perRequest.containsKey("redis") ? median(perRequest.get("redis")) : null;
			Double commands = target.redisCommandsPerRequest() == null ? null : target.redisCommandsPerRequest().median();
			boolean redisUsed = redis != null && commands != null && commands > 0 && redis > 0;
			double capacity = target.capacity().median();
			Double ceiling = redisUsed ? round(1e6 / redis) : null;
			model.add(new Comparison.Capacity(target.name(), round(app), round(nginx), redis == null ? null : round(redis),
					commands == null ? null : round(commands), redisUsed ? round(redis / commands) : null,
					round(1e6 / app), round(1e6 / nginx), ceiling, redisUsed ? round(ceiling / (1e6 / app)) : null,
					round(capacity), round(capacity * (app + nginx + (redis == null ? 0 : redis)) / 1e6)));
		}
		return model;
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

	/** What this machine could check, and what it could not. */
	static String validation(Comparison.Trial trial) {
		StringBuilder text = new StringBuilder("Checked here: the premise that the loaded system used its core(s) "
				+ "fully at capacity (CPU " + trial.systemCpus() + "): ");
		List<String> uses = trial.model()
			.stream()
			.map(c -> c.variant() + " " + DECIMAL.format(c.coreUse()) + " cores")
			.toList();
		text.append(String.join(", ", uses)).append(". Not checked yet: the prediction at 2 app cores against a capacity "
				+ "measured there, and Redis's ceiling against a direct load of the design's own commands; both need "
				+ "measurements this comparison did not make.");
		return text.toString();
	}

	private static double median(List<Double> values) {
		return values == null || values.isEmpty() ? Double.NaN : MedianInterval.of(values).median();
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
