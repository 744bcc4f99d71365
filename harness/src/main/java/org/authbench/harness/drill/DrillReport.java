package org.authbench.harness.drill;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.authbench.harness.metrics.LatencySummary;
import org.authbench.harness.revocation.FailoverProbe;

/**
 * What each event of a drill did to the load (docs/metrics.md). Times are epoch milliseconds.
 *
 * @param name the drill
 * @param timeline the drill in its own syntax
 * @param incidents one entry per breaking event (kill, freeze, restart, Redis latency), with
 * the repairing events that followed it (start, thaw, latency back to 0)
 */
public record DrillReport(String name, String timeline, List<Incident> incidents) {

	/** How a repair that failed reads in {@link Incident#repairs}: its description, then this, then why. */
	static final String FAILED = ", FAILED: ";

	/**
	 * Why the drill's figures say nothing of what it set out to show, one line each, every one
	 * starting with {@code INVALID}: an event that could not be carried out (a kill that found
	 * nothing to kill, a start that could not start), or an event that hit an instance which served
	 * none of the live users just before it (a failover with no user on the killed instance loses
	 * nothing, whatever the design).
	 */
	public List<String> invalidity() {
		Stream<String> failed = this.incidents.stream()
			.flatMap(i -> Stream.concat(i.error() == null ? Stream.empty() : Stream.of(i.event() + FAILED + i.error()),
					i.repairs().stream().filter(repair -> repair.contains(FAILED))))
			.map(event -> "INVALID: the drill's event " + event + "; the drill did not happen as planned");
		Stream<String> missed = this.incidents.stream()
			.filter(i -> i.targetInstance() != null && i.sessionsAlive() > 0 && i.sessionsAliveOnTarget() != null
					&& i.sessionsAliveOnTarget() == 0)
			.map(i -> ("INVALID: %s hit %s, which had served none of the %d users with a live session just before it"
					+ " (by instance: %s): the drill shows nothing of what its users lose").formatted(i.event(),
							i.targetInstance(), i.sessionsAlive(), i.usersByInstance()));
		return Stream.concat(failed, missed).toList();
	}

	/**
	 * @param event the breaking event in the drill syntax
	 * @param repairs the events that repaired it, in the drill syntax with their actual times
	 * @param atMillis when the breaking event began
	 * @param untilMillis the end of the incident's window: the next breaking event, or the end of
	 * measurement (sessions lost to a non-persistent Redis show only after it is back)
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
	 * @param during latency while broken: from the event until the last repair was done or errors
	 * stopped (3 s without), whichever is later
	 * @param after latency from then to the window's end
	 * @param error set when the event itself failed
	 * @param errorSpanMillis from the start of the first second with a failed request in the window to the end
	 * of the last one; null when none failed
	 * @param firstSuccessMillis from the event to the first second, after failures began, in which most requests
	 * succeeded again; null when none failed or they never did
	 * @param probe for a fault of Redis: credentials made right before it, checked once the stack served
	 * again (sessions lost, logged-out credentials accepted again: docs/security.md case 22); null otherwise
	 * @param afterThawProbe for a frozen Redis: logouts made right after it was thawed (with Sentinel, at
	 * the woken primary before its demotion, docs/design.md §10), checked after the drill; null otherwise
	 */
	public record Incident(String event, List<String> repairs, long atMillis, long untilMillis, String targetInstance,
			Map<String, Long> usersByInstance, Long sessionsAliveOnTarget, long sessionsAlive, long sessionsLost,
			Double failoverLoss, Double lostShare,
			Map<String, Long> failed, Long recoveryMillis, LatencySummary before, LatencySummary during,
			LatencySummary after, String error, Long errorSpanMillis, Long firstSuccessMillis,
			FailoverProbe.Result probe, FailoverProbe.Result afterThawProbe) {

		/** Without a probe after a thaw. */
		public Incident(String event, List<String> repairs, long atMillis, long untilMillis, String targetInstance,
				Map<String, Long> usersByInstance, Long sessionsAliveOnTarget, long sessionsAlive, long sessionsLost,
				Double failoverLoss, Double lostShare, Map<String, Long> failed, Long recoveryMillis,
				LatencySummary before, LatencySummary during, LatencySummary after, String error, Long errorSpanMillis,
				Long firstSuccessMillis, FailoverProbe.Result probe) {
			this(event, repairs, atMillis, untilMillis, targetInstance, usersByInstance, sessionsAliveOnTarget,
					sessionsAlive, sessionsLost, failoverLoss, lostShare, failed, recoveryMillis, before, during, after,
					error, errorSpanMillis, firstSuccessMillis, probe, null);
		}
	}
}
