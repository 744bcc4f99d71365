package org.authbench.harness.load;

import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.LatencySummary;

/**
 * Every figure of one measured run, as {@code summary.json} holds it (see the README for the
 * schema). Rates are per second of the measurement window; costs are per request.
 *
 * @param window the measurement window (warm-up excluded)
 * @param requests completed requests by outcome class (docs/metrics.md)
 * @param throughput completed requests per second, all outcomes
 * @param okThroughput successful requests per second
 * @param latency percentiles over all request types except login
 * @param latencyByType percentiles per request type
 * @param steps one entry per ladder step (concurrency or arrival rate)
 * @param cpu CPU time per request of each process, and the load generator's share
 * @param redis Redis commands per request (variants that use Redis)
 * @param bytes bytes on the wire per request, from nginx's access log
 * @param sources the simulation's count against nginx's
 * @param valid false when a figure cannot be trusted (see {@code warnings})
 * @param warnings what makes the run invalid or a figure doubtful
 */
public record RunFigures(Window window, Requests requests, double throughput, double okThroughput,
		LatencySummary latency, Map<String, LatencySummary> latencyByType, List<Step> steps, Cpu cpu, Redis redis,
		Bytes bytes, Sources sources, boolean valid, List<String> warnings) {

	/** Epoch milliseconds; {@code warmupBoundHit} when warm-up never converged and was cut. */
	public record Window(long startEpochMillis, long endEpochMillis, double seconds, double warmupSeconds,
			boolean warmupBoundHit) {
	}

	public record Requests(long total, long ok, long authLost, long clientError, long serverError, long connectError,
			long relogins) {
	}

	/** One ladder step: active users (closed) or target rate (open). */
	public record Step(int level, double throughput, double okThroughput, LatencySummary latency) {
	}

	/**
	 * @param secondsByProcess CPU seconds per process over the window
	 * @param microsPerRequest CPU microseconds per request per process
	 * @param systemMicrosPerRequest apps + nginx + redis, the load generator excluded
	 * @param loadGeneratorShare the load generator's CPU over the window ÷ (window × cores)
	 */
	public record Cpu(Map<String, Double> secondsByProcess, Map<String, Double> microsPerRequest,
			double systemMicrosPerRequest, double loadGeneratorShare, int cores) {
	}

	/**
	 * Redis's cost over the window. Its figures are null when they could not be measured (Redis
	 * restarted or was unreachable in the window: its counters do not cover it; a warning says so).
	 * @param commands commands in the window, or null
	 * @param perRequest commands per request, or null
	 * @param byCommand commands by name (empty when not measured)
	 * @param bytesPerRequest bytes Redis read and wrote per request, or null (also in runs made
	 * before it was measured)
	 */
	public record Redis(Long commands, Double perRequest, Map<String, Long> byCommand, Double bytesPerRequest) {
	}

	public record Bytes(double sentPerRequest, double receivedPerRequest) {
	}

	/** @param disagreement |simulation - nginx| / max of the two; must stay within 1% */
	public record Sources(long simulation, long nginx, double disagreement, boolean agree) {
	}
}
