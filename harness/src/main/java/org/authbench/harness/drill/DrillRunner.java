package org.authbench.harness.drill;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.authbench.harness.revocation.FailoverProbe;
import org.authbench.harness.stack.ChaosAction;
import org.authbench.harness.stack.StackRuntime;
import org.authbench.harness.stack.StackState;

/**
 * Runs a drill's events against a live stack, each at its time after the start of
 * measurement, one after the other (a restart that takes 8 s delays the next event; the
 * record says when each really happened).
 */
public final class DrillRunner implements AutoCloseable {

	/**
	 * An event as it happened: epoch milliseconds when it began and when it was done.
	 * @param probe for a fault of Redis: what the credentials made right before it met once the
	 * stack served again ({@link FailoverProbe}); null otherwise
	 */
	public record Executed(DrillEvent event, long startedMillis, long doneMillis, String error,
			FailoverProbe.Result probe) {

		public Executed(DrillEvent event, long startedMillis, long doneMillis, String error) {
			this(event, startedMillis, doneMillis, error, null);
		}
	}

	/** Users the {@link FailoverProbe} logs in before a Redis fault; half of them it logs out again. */
	static final int PROBE_USERS = 20;

	/**
	 * Users of the probe logged in ahead of a Redis freeze and logged out right after the thaw
	 * (user0940…: apart from the first probe's); half of them log out.
	 */
	static final int THAW_PROBE_FIRST_USER = 940;

	static final int THAW_PROBE_USERS = 10;

	/**
	 * How long before a Redis fault the probe's logouts start (never before the window opens), so
	 * that the fault itself runs on time: 10 logouts and 10 checks took 2–3 s on the demo's
	 * clustered stack just out of its warm-up (p50 about 200 ms under the drill's load), and the
	 * kill due at 3 s ran at about 5 s, which left the window 8 s after the fault instead of 11
	 * (demo of 2026-12-05 20:18, where clustered then "had not recovered when the run ended").
	 */
	static final Duration LOGOUT_LEAD = Duration.ofSeconds(3);

	/** How long the probe waits for the stack to serve again after the drill before it gives up. */
	static final Duration PROBE_PATIENCE = Duration.ofSeconds(20);

	private final StackRuntime stack;

	private final Drill drill;

	private final RedisLatencyProxy proxy;

	private final PrintWriter out;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "authbench-drill");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Executed> executed = new ArrayList<>();

	private final Map<DrillEvent, FailoverProbe> probes = new LinkedHashMap<>();

	private volatile StackState state;

	/** @param proxy the apps' way to Redis, for latency events; null when the drill has none */
	public DrillRunner(StackRuntime stack, StackState state, Drill drill, RedisLatencyProxy proxy, PrintWriter out) {
		if (drill.injectsRedisLatency() && proxy == null) {
			throw new IllegalArgumentException("a redis-latency drill needs the latency proxy between apps and Redis");
		}
		this.stack = stack;
		this.state = state;
		this.drill = drill;
		this.proxy = proxy;
		this.out = out;
	}

	/**
	 * Schedules the events relative to {@code measureStartMillis} (epoch), one after the other. An
	 * event that starts late (behind the probe's logins, or a slow event before it) moves every
	 * later one by as much, so the time between two events stays what the timeline says: in the
	 * demo's redis-outage drill (kill at 3 s, start at 6 s) the probe's 20 BCrypt logins once held
	 * the kill until +6.08 s, the start followed 17 ms later, and Redis was down for 0.3 s, not 3.
	 * The probes' logins come before, from {@link #logInProbes}.
	 */
	public void start(long measureStartMillis) {
		scheduleFrom(0, measureStartMillis, 0);
	}

	/**
	 * Makes the failover probes of the drill's Redis faults now, before its window opens: their 20
	 * BCrypt logins per fault, once made 5 s before the fault, ran on cold instances under load and
	 * held the demo's Redis kill (due at 3 s) until as late as 11.4 s into the window. A probe whose
	 * logins fail here is reported as not made.
	 */
	public void logInProbes() {
		for (DrillEvent event : this.drill.events()) {
			if (probed(event)) {
				logIn(event);
			}
		}
	}

	/** Schedules event {@code index} at its time plus {@code slipMillis}, and the next one when it has run. */
	private void scheduleFrom(int index, long measureStartMillis, long slipMillis) {
		if (index >= this.drill.events().size()) {
			return;
		}
		DrillEvent event = this.drill.events().get(index);
		long due = measureStartMillis + event.at().toMillis();
		long begin = Math.max(measureStartMillis, due + slipMillis - leadOf(event));
		try {
			this.executor.schedule(() -> runThenNext(index, measureStartMillis, slipMillis),
					Math.max(0, begin - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Closed while an event ran: the events already scheduled still run (the executor's default),
			// and so do the ones after them, here, in order.
			sleepUntil(begin);
			runThenNext(index, measureStartMillis, slipMillis);
		}
	}

	/** {@link #LOGOUT_LEAD} for a fault whose probe logs out before it, else 0. */
	private long leadOf(DrillEvent event) {
		if (event.action() == DrillEvent.Action.THAW) {
			return 0;
		}
		synchronized (this.executed) {
			FailoverProbe probe = this.probes.get(event);
			return probe != null && !probe.loggedOut() ? LOGOUT_LEAD.toMillis() : 0;
		}
	}

	/** Runs event {@code index}, then schedules the next one, also when this one threw: a repair must still come. */
	private void runThenNext(int index, long measureStartMillis, long slipMillis) {
		long due = measureStartMillis + this.drill.events().get(index).at().toMillis();
		long started = System.currentTimeMillis();
		try {
			started = execute(this.drill.events().get(index), due + slipMillis);
		}
		finally {
			scheduleFrom(index + 1, measureStartMillis, Math.max(slipMillis, started - due));
		}
	}

	private static void sleepUntil(long epochMillis) {
		long wait = epochMillis - System.currentTimeMillis();
		if (wait > 0) {
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Runs the event at {@code atMillis} (epoch), after the probe's logouts that go before it, which
	 * start up to {@link #LOGOUT_LEAD} sooner; returns when its action started.
	 */
	private long execute(DrillEvent event, long atMillis) {
		if (event.action() != DrillEvent.Action.THAW) {
			logOutHalf(event);
		}
		sleepUntil(atMillis);
		try {
			return executeOnly(event);
		}
		finally {
			if (event.action() == DrillEvent.Action.THAW) {
				// Right after the thaw: with Sentinel, the woken node is still a primary and the apps'
				// connections still lead to it (docs/design.md §10).
				logOutHalf(event);
			}
		}
	}

	private long executeOnly(DrillEvent event) {
		long started = System.currentTimeMillis();
		String error = null;
		try {
			if (event.action() == DrillEvent.Action.REDIS_LATENCY) {
				this.proxy.setLatency(event.latency());
			}
			else {
				this.state = this.stack.chaos(this.state, ChaosAction.valueOf(event.action().name()), event.target());
			}
		}
		catch (RuntimeException ex) {
			error = ex.getMessage();
			this.out.printf("  drill: %s failed: %s%n", event.describe(), error);
		}
		long done = System.currentTimeMillis();
		synchronized (this.executed) {
			this.executed.add(new Executed(event, started, done, error));
		}
		this.out.printf("  drill: %s done in %.1f s%n", event.describe(), (done - started) / 1000.0);
		this.out.flush();
		return started;
	}

	/** Whether the event is a Redis fault, before which the failover probe makes its credentials. */
	private static boolean probed(DrillEvent event) {
		return event.breaks() && event.action() != DrillEvent.Action.REDIS_LATENCY && event.target().startsWith("redis");
	}

	/**
	 * The probe's logins for a Redis fault (slow: BCrypt). Before a freeze, also the logins of the
	 * probe that logs out right after the thaw (while frozen, Redis takes no login).
	 */
	private void logIn(DrillEvent event) {
		try {
			FailoverProbe probe = FailoverProbe.logIn(this.state, PROBE_USERS);
			if (probe != null) {
				synchronized (this.executed) {
					this.probes.put(event, probe);
				}
			}
			DrillEvent thaw = thawAfter(event);
			if (probe != null && thaw != null) {
				FailoverProbe afterThaw = FailoverProbe.logIn(this.state, THAW_PROBE_FIRST_USER, THAW_PROBE_USERS);
				synchronized (this.executed) {
					this.probes.put(thaw, afterThaw);
				}
			}
		}
		catch (RuntimeException ex) {
			this.out.printf("  drill: failover probe before %s not made: %s%n", event.describe(), ex.getMessage());
		}
	}

	/** The thaw of Redis that follows a freeze of Redis in this drill, or null. */
	private DrillEvent thawAfter(DrillEvent freeze) {
		if (freeze.action() != DrillEvent.Action.FREEZE) {
			return null;
		}
		return this.drill.events()
			.stream()
			.filter(e -> e.action() == DrillEvent.Action.THAW && e.target().startsWith("redis")
					&& e.at().compareTo(freeze.at()) > 0)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Shortly before a fault (at most {@link #LOGOUT_LEAD}; right after a thaw, for the thaw's
	 * probe): half of the probe's users log out. A probe already logged out is left alone.
	 */
	private void logOutHalf(DrillEvent event) {
		synchronized (this.executed) {
			FailoverProbe probe = this.probes.get(event);
			if (probe == null || probe.loggedOut()) {
				return;
			}
			try {
				FailoverProbe loggedOut = probe.logOutHalf();
				this.probes.put(event, loggedOut);
				if (!loggedOut.unconfirmed().isEmpty()) {
					this.out.printf("  drill: failover probe: %d logged-out credentials not refused right after "
							+ "(answers %s), left out of the revoked ones%n", loggedOut.unconfirmed().size(),
							loggedOut.unconfirmed().stream().map(s -> s == 0 ? "none in time" : String.valueOf(s)).toList());
				}
			}
			catch (RuntimeException ex) {
				this.probes.remove(event);
				this.out.printf("  drill: failover probe %s %s not made: %s%n",
						event.action() == DrillEvent.Action.THAW ? "after" : "before", event.describe(), ex.getMessage());
			}
		}
	}

	/** The stack as the events left it (a restarted instance has a new PID). */
	public StackState state() {
		return this.state;
	}

	/**
	 * When the drill's last event was done (epoch milliseconds), once every event has run; empty
	 * while one is still to come or running (a restart waits for its instance to be healthy); 0 for
	 * a drill without events.
	 */
	public OptionalLong lastEventDoneAt() {
		synchronized (this.executed) {
			if (this.executed.size() < this.drill.events().size()) {
				return OptionalLong.empty();
			}
			return OptionalLong.of(this.executed.stream().mapToLong(Executed::doneMillis).max().orElse(0));
		}
	}

	public List<Executed> executed() {
		synchronized (this.executed) {
			return List.copyOf(this.executed);
		}
	}

	/**
	 * Waits for the events to finish (a drill's timeline ends inside its window, so they normally
	 * have), then checks the credentials of each failover probe.
	 */
	@Override
	public void close() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(5, TimeUnit.MINUTES)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
		checkProbes();
	}

	private void checkProbes() {
		synchronized (this.executed) {
			for (int i = 0; i < this.executed.size(); i++) {
				Executed done = this.executed.get(i);
				FailoverProbe probe = this.probes.remove(done.event());
				if (probe != null && probe.loggedOut() && done.probe() == null) {
					FailoverProbe.Result result = probe.check(PROBE_PATIENCE);
					this.out.printf("  drill: %s %s: %d of %d live sessions lost, %d of %d logged-out credentials "
							+ "accepted again%s%n", done.event().action() == DrillEvent.Action.THAW ? "logouts right after"
									: "after", done.event().describe(), result.sessionsLost(), result.sessionsChecked(),
							result.revokedAccepted(), result.revokedChecked(),
							result.unanswered() > 0 ? ", " + result.unanswered() + " unanswered" : "");
					this.executed.set(i, new Executed(done.event(), done.startedMillis(), done.doneMillis(), done.error(),
							result));
				}
			}
		}
	}
}
