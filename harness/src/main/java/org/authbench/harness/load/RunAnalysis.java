package org.authbench.harness.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.authbench.harness.metrics.AccessLog;
import org.authbench.harness.metrics.Completions;
import org.authbench.harness.metrics.LatencyLog;
import org.authbench.harness.metrics.LatencySummary;
import org.authbench.harness.metrics.RedisCommandStats;
import org.authbench.harness.metrics.Timeline;

/**
 * Reduces what one run recorded to its {@link RunFigures}: the simulation's metrics, nginx's
 * access log, CPU and Redis deltas over the measurement window. Pure: everything it needs is
 * passed in, so tests call it on files they write.
 *
 * <p>The two sources of the request count count the same requests: those the simulation sent in
 * {@code [start, end)} on the wall clock, by the send stamp it records in its
 * {@code completions.json} and sends along, which nginx logs (older runs: those that completed in
 * it, nginx's by {@code $msec}). When they still differ by more than {@link #MAX_DISAGREEMENT},
 * requests went missing between the generator and nginx, and the run is not valid.
 */
public final class RunAnalysis {

	/** Simulation and nginx counts may differ by at most this share, else the run is not valid (docs/metrics.md). */
	public static final double MAX_DISAGREEMENT = 0.01;

	/** Above this share of the machine's CPU the load generator competed with what it measures. */
	public static final double MAX_LOAD_GENERATOR_SHARE = 0.5;

	/** The name under which the load generator's CPU is reported. */
	public static final String LOAD_GENERATOR = "gatling";

	/**
	 * What one run recorded, beside its metrics files.
	 *
	 * @param metricsDir the simulation's metrics folder
	 * @param window the measurement window, and what CPU and Redis spent in it
	 * @param ladder the ladder values, one per step
	 * @param stepMillis length of a step
	 * @param accessLog nginx's log of the run, or null when there was no nginx
	 * @param cores the machine's processors, for the load generator's share of it
	 * @param faultAtMillis when a drill's first event struck, epoch milliseconds; null without a drill
	 */
	public record Input(Path metricsDir, MeasurementWindow window, List<Integer> ladder, long stepMillis,
			AccessLog accessLog, int cores, Long faultAtMillis) {
	}

	/**
	 * Before a drill's first fault the system must serve what it is offered: at least this share
	 * of the requests completed there succeed, else the drill measured an overloaded system.
	 */
	public static final double MIN_OK_BEFORE_FAULT = 0.99;

	/** Counts the simulation's requests that completed in [from, to). */
	private interface Counter {

		Timeline.Second totals(long fromMillis, long toMillis);
	}

	private RunAnalysis() {
	}

	public static RunFigures analyse(Input in) {
		MeasurementWindow window = in.window();
		long start = window.startMillis();
		long end = window.endMillis();
		List<String> warnings = new ArrayList<>();
		LatencyLog latency = LatencyLog.read(in.metricsDir().resolve("latency.hlog"));
		Timeline timeline = Timeline.read(in.metricsDir().resolve("timeline.json"));
		// Exact to the millisecond when the simulation wrote its ledger; a run recorded without one
		// is counted in whole seconds of its time line, and nginx then over the same seconds.
		Optional<Completions> ledger = Completions.read(in.metricsDir());
		Counter counter = ledger.<Counter>map(completions -> completions::totals).orElse(timeline::totals);
		double seconds = window.seconds();
		Timeline.Second totals = counter.totals(start, end);
		RunFigures.Requests requests = new RunFigures.Requests(totals.requests(), totals.ok(), totals.authLost(),
				totals.clientError(), totals.serverError(), totals.connectError(), totals.relogins());
		Predicate<String> notLogin = tag -> !"login".equals(tag);

		Map<String, LatencySummary> byType = new LinkedHashMap<>();
		for (String tag : latency.tags()) {
			byType.put(tag, LatencySummary.of(latency.merged(tag::equals, start, end)));
		}
		List<RunFigures.Step> steps = new ArrayList<>();
		for (int i = 0; i < in.ladder().size(); i++) {
			long from = start + i * in.stepMillis();
			// A drill's window may have been lengthened (LoadRun.measureUntil): its last step with it.
			long to = i == in.ladder().size() - 1 ? end : Math.min(end, from + in.stepMillis());
			Timeline.Second step = counter.totals(from, to);
			double stepSeconds = Math.max(0.001, (to - from) / 1000.0);
			steps.add(new RunFigures.Step(in.ladder().get(i), round(step.requests() / stepSeconds),
					round(step.ok() / stepSeconds), LatencySummary.of(latency.merged(notLogin, from, to))));
		}

		RunFigures.Cpu cpu = cpu(in, totals.requests(), seconds, warnings);
		RunFigures.Redis redis = redis(window.redis(), totals.requests(), warnings);
		RunFigures.Bytes bytes = null;
		RunFigures.Sources sources = null;
		if (in.accessLog() != null) {
			AccessLog.Window nginx = ledger.isPresent() ? in.accessLog().window(start, end, ledger.get().stamp())
					: in.accessLog().window(timeline.alignUp(start), timeline.alignUp(end));
			bytes = new RunFigures.Bytes(perRequest(nginx.bytesSent(), nginx.requests()),
					perRequest(nginx.requestBytes(), nginx.requests()));
			double gap = AccessLog.disagreement(totals.requests(), nginx.requests());
			sources = new RunFigures.Sources(totals.requests(), nginx.requests(), round4(gap), gap <= MAX_DISAGREEMENT);
			if (gap > MAX_DISAGREEMENT) {
				warnings.add(("INVALID: the simulation counted %d requests, nginx %d (besides %d of the harness's own): "
						+ "%.2f%% apart (more than 1%%)")
					.formatted(totals.requests(), nginx.requests(), nginx.probeRequests(), gap * 100));
			}
		}
		long planned = in.stepMillis() * in.ladder().size();
		if (end - start > planned + 500) {
			warnings.add("the window ran %.1f s past its planned %.0f s: a drill event was still running near its end, or"
					.formatted((end - start - planned) / 1000.0, planned / 1000.0)
					+ " done too near it for a recovery to show (docs/metrics.md)");
		}
		if (window.warmupBoundHit()) {
			warnings.add("warm-up did not become steady (docs/method.md §9) within its bound; measured after %.0f s"
				.formatted(window.warmupSeconds()));
		}
		if (totals.requests() == 0) {
			warnings.add("no request completed in the measurement window");
		}
		boolean servedBeforeFault = true;
		if (in.faultAtMillis() != null && in.faultAtMillis() > start) {
			Timeline.Second before = counter.totals(start, Math.min(in.faultAtMillis(), end));
			if (before.requests() > 0 && before.ok() < MIN_OK_BEFORE_FAULT * before.requests()) {
				servedBeforeFault = false;
				warnings.add(("INVALID: before the first fault only %d of %d requests succeeded (%.1f%%, at least %.0f%% "
						+ "needed): the system did not serve the offered load, so the drill measured an overloaded "
						+ "system, not the fault").formatted(before.ok(), before.requests(),
								100.0 * before.ok() / before.requests(), MIN_OK_BEFORE_FAULT * 100));
			}
		}
		boolean valid = cpu.loadGeneratorShare() <= MAX_LOAD_GENERATOR_SHARE && totals.requests() > 0
				&& servedBeforeFault && (sources == null || sources.agree());
		return new RunFigures(new RunFigures.Window(start, end, seconds, window.warmupSeconds(),
				window.warmupBoundHit()), requests, round(totals.requests() / seconds), round(totals.ok() / seconds),
				LatencySummary.of(latency.merged(notLogin, start, end)), byType, steps, cpu,
				redis, bytes, sources, valid, List.copyOf(warnings));
	}

	/** Null when no Redis ran; with null figures (and the reason as a warning) when it was not measured. */
	private static RunFigures.Redis redis(RedisCommandStats.Window window, long requests, List<String> warnings) {
		if (window == null) {
			return null;
		}
		if (!window.measured()) {
			warnings.add(window.warning());
			return new RunFigures.Redis(null, null, Map.of(), null);
		}
		long commands = RedisCommandStats.total(window.calls());
		return new RunFigures.Redis(commands, round2(perRequest(commands, requests)), window.calls(),
				window.networkBytes() == null ? null : round(perRequest(window.networkBytes(), requests)));
	}

	private static RunFigures.Cpu cpu(Input in, long requests, double seconds, List<String> warnings) {
		warnings.addAll(in.window().cpu().warnings());
		Map<String, Double> cpuSeconds = in.window().cpu().seconds();
		Map<String, Double> micros = new LinkedHashMap<>();
		double system = 0;
		for (Map.Entry<String, Double> entry : cpuSeconds.entrySet()) {
			double perRequest = round(perRequest(entry.getValue() * 1e6, requests));
			micros.put(entry.getKey(), perRequest);
			if (!LOAD_GENERATOR.equals(entry.getKey())) {
				system += perRequest;
			}
		}
		double share = round4(cpuSeconds.getOrDefault(LOAD_GENERATOR, 0.0) / (seconds * in.cores()));
		if (share > MAX_LOAD_GENERATOR_SHARE) {
			warnings.add("INVALID: the load generator used %.0f%% of the machine's CPU (limit %.0f%%): it competed with the system it measures"
				.formatted(share * 100, MAX_LOAD_GENERATOR_SHARE * 100));
		}
		return new RunFigures.Cpu(cpuSeconds, micros, round(system), share, in.cores());
	}

	private static double perRequest(double amount, long requests) {
		return requests == 0 ? 0 : amount / requests;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	static double round2(double value) {
		return Math.round(value * 100) / 100.0;
	}

	static double round4(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}
}
