package org.authbench.harness.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.authbench.harness.metrics.LatencyLog;
import org.authbench.harness.metrics.LatencySummary;
import org.authbench.harness.metrics.Timeline;
import org.authbench.harness.revocation.FailoverProbe;

/**
 * Turns the events a drill ran and the load's recordings into a {@link DrillReport}: per
 * event, sessions lost against sessions alive on the hit instance, failed requests by class,
 * recovery time, and latency before, during and after.
 */
public final class DrillAnalysis {

	/** docs/metrics.md: recovered once errors stay at zero this long. */
	public static final int QUIET_SECONDS = 3;

	private DrillAnalysis() {
	}

	/**
	 * @param variantId prefix of the instances' {@code X-Instance-Id} ({@code sticky} → {@code sticky-2})
	 * @param measureStartMillis start of measurement
	 * @param endMillis end of measurement
	 */
	public static DrillReport analyse(Drill drill, List<DrillRunner.Executed> executed, Timeline timeline,
			LatencyLog latency, String variantId, long measureStartMillis, long endMillis) {
		List<DrillReport.Incident> incidents = new ArrayList<>();
		List<DrillRunner.Executed> breaking = executed.stream().filter(e -> e.event().breaks()).toList();
		long previous = measureStartMillis;
		for (int i = 0; i < breaking.size(); i++) {
			DrillRunner.Executed event = breaking.get(i);
			long at = event.startedMillis();
			long until = i + 1 < breaking.size() ? breaking.get(i + 1).startedMillis() : endMillis;
			List<DrillRunner.Executed> repairing = executed.stream()
				.filter(e -> !e.event().breaks() && e.startedMillis() >= at && e.startedMillis() < until)
				.toList();
			List<String> repairs = repairing.stream()
				.map(e -> e.event().describe() + " (at +" + (e.startedMillis() - measureStartMillis) / 1000.0 + " s, done +"
						+ (e.doneMillis() - measureStartMillis) / 1000.0 + " s" + (e.error() == null ? "" : DrillReport.FAILED
								+ e.error()) + ")")
				.toList();
			long repaired = repairing.isEmpty() ? at : repairing.get(repairing.size() - 1).doneMillis();
			FailoverProbe.Result afterThaw = repairing.stream()
				.map(DrillRunner.Executed::probe)
				.filter(java.util.Objects::nonNull)
				.reduce((first, last) -> last)
				.orElse(null);
			incidents.add(incident(event, repairs, at, until, previous, repaired, timeline, latency, variantId, afterThaw));
			previous = at;
		}
		return new DrillReport(drill.name(), drill.describe(), incidents);
	}

	private static DrillReport.Incident incident(DrillRunner.Executed executed, List<String> repairs, long at,
			long until, long previous, long repaired, Timeline timeline, LatencyLog latency, String variantId,
			FailoverProbe.Result afterThaw) {
		DrillEvent event = executed.event();
		String target = event.target().startsWith("app-") ? variantId + "-" + event.target().substring(4) : null;
		Map<String, Long> users = timeline.usersByInstanceBefore(at);
		Long alive = target == null ? null : users.getOrDefault(target, 0L);
		// Counts are per second: the window starts with the second the event happened in.
		Timeline.Second window = timeline.totals(timeline.bucketStart(at), timeline.bucketStart(until));
		long lost = window.authLost();
		long allAlive = users.values().stream().mapToLong(Long::longValue).sum();
		Double loss = alive == null || alive == 0 ? null : ratio(Math.min(lost, alive), alive);
		Double share = allAlive == 0 ? null : ratio(lost, allAlive);
		Map<String, Long> failed = new LinkedHashMap<>();
		failed.put("authLost", window.authLost());
		failed.put("clientError", window.clientError());
		failed.put("serverError", window.serverError());
		failed.put("connectError", window.connectError());
		OptionalLong recovery = timeline.recoveryMillis(at, QUIET_SECONDS);
		// "During": while it is broken: until it was repaired or errors stopped, whichever is later.
		long recovered = Math.min(until, Math.max(repaired, recovery.isPresent() ? at + recovery.getAsLong() : until));
		Timeline.Failures failures = timeline.failures(at, until);
		return new DrillReport.Incident(event.describe(), repairs, at, until, target, users, alive, allAlive, lost, loss,
				share, failed, recovery.isPresent() ? recovery.getAsLong() : null, summary(latency, previous, at),
				summary(latency, at, recovered), summary(latency, recovered, until), executed.error(),
				failures.spanMillis(), failures.firstSuccessAfter(at), executed.probe(), afterThaw);
	}

	private static double ratio(long part, long whole) {
		return Math.round(1000.0 * part / whole) / 1000.0;
	}

	private static LatencySummary summary(LatencyLog latency, long from, long to) {
		return LatencySummary.of(latency.merged(tag -> !"login".equals(tag), from, to));
	}
}
