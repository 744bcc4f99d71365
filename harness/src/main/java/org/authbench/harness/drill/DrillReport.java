package org.authbench.harness.drill;

import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.LatencySummary;

/**
 * What each event of a drill did to the load (DESIGN §6). Times are epoch milliseconds.
 *
 * @param name the drill
 * @param timeline the drill in its own syntax
 * @param events one entry per event, in time order
 */
public record DrillReport(String name, String timeline, List<EventFigures> events) {

	/**
	 * @param event the event in the drill syntax
	 * @param atMillis when it began
	 * @param untilMillis the end of its window: the next event, or the end of measurement
	 * @param targetInstance the {@code X-Instance-Id} of the instance it hit, if an app
	 * @param usersByInstance users served last by each instance just before the event (with
	 * sticky sessions: where their sessions lived)
	 * @param sessionsAliveOnTarget of those, the users on the target instance
	 * @param sessionsAlive all users with a live session just before the event
	 * @param sessionsLost auth-lost events (each forces a re-login) in the window
	 * @param failoverLoss sessionsLost ÷ sessionsAliveOnTarget, when the target held sessions
	 * @param lostShare sessionsLost ÷ sessionsAlive: the share of all live sessions lost
	 * @param failed failed requests in the window, by class
	 * @param recoveryMillis from the event until errors stayed at zero for 3 s; null if never
	 * @param before latency from the start of measurement (or the previous event) to this one
	 * @param during latency from the event until recovery (or the window's end)
	 * @param after latency from recovery to the window's end
	 * @param error set when the event itself failed
	 */
	public record EventFigures(String event, long atMillis, long untilMillis, String targetInstance,
			Map<String, Long> usersByInstance, Long sessionsAliveOnTarget, long sessionsAlive, long sessionsLost,
			Double failoverLoss, Double lostShare,
			Map<String, Long> failed, Long recoveryMillis, LatencySummary before, LatencySummary during,
			LatencySummary after, String error) {
	}
}
