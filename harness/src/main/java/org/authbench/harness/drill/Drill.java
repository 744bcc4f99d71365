package org.authbench.harness.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A named timeline of events run during a steady open-model load. Presets cover the
 * scenarios of docs/design.md §5; {@link #parse} takes a user's own timeline.
 *
 * @param name the preset's name, or {@code custom}
 * @param events in time order
 * @param duration how long the load is measured: long enough to see recovery after the last event
 */
public record Drill(String name, List<DrillEvent> events, Duration duration) {

	/** The drills that ship with authbench. */
	public static final List<String> PRESETS = List.of("failover", "freeze", "rolling-restart", "redis-outage",
			"redis-latency", "redis-partition", "redis-failover", "redis-primary-freeze");

	/** Time left after the last event to see recovery (docs/metrics.md: recovery needs 3 s without errors). */
	static final Duration TAIL = Duration.ofSeconds(15);

	public Drill {
		events = events.stream().sorted(Comparator.comparing(DrillEvent::at)).toList();
	}

	/** Parses {@code "kill app-2@20s, start app-2@40s"}; the load lasts until {@link #TAIL} after the last event. */
	public static Drill parse(String timeline) {
		List<DrillEvent> events = new ArrayList<>();
		for (String part : timeline.split(",")) {
			if (!part.isBlank()) {
				events.add(DrillEvent.parse(part));
			}
		}
		if (events.isEmpty()) {
			throw new IllegalArgumentException("a drill needs at least one event, e.g. \"kill app-2@20s\"");
		}
		Duration last = events.stream().map(DrillEvent::at).max(Comparator.naturalOrder()).orElseThrow();
		return new Drill("custom", events, last.plus(TAIL));
	}

	/**
	 * A preset for a stack of {@code instances} instances; the target instance is the last one
	 * (with sticky sessions, any instance holds about 1/N of them). {@code scale} stretches every
	 * time (1.0 = the default timeline, which takes about a minute), rounded to whole seconds, at
	 * least 1 s: a shortened timeline reads as the drill syntax a user would write.
	 */
	public static Drill preset(String name, int instances, double scale) {
		String victim = "app-" + instances;
		String timeline = switch (name.toLowerCase(Locale.ROOT)) {
			case "failover" -> "kill %1$s@%2$s, start %1$s@%3$s".formatted(victim, t(15, scale), t(35, scale));
			case "freeze" -> "freeze %1$s@%2$s, thaw %1$s@%3$s".formatted(victim, t(15, scale), t(30, scale));
			case "rolling-restart" -> rolling(instances, scale);
			case "redis-outage" -> "redis-kill@%s, redis-start@%s".formatted(t(15, scale), t(30, scale));
			// One instance loses Redis while the others keep it (docker runtime: a network partition).
			case "redis-partition" -> "partition %1$s@%2$s, heal %1$s@%3$s".formatted(victim, t(15, scale), t(30, scale));
			case "redis-latency" -> "redis-latency=1ms@%s, redis-latency=5ms@%s, redis-latency=0@%s"
				.formatted(t(15, scale), t(30, scale), t(45, scale));
			// With Sentinel the replica is promoted meanwhile and the old primary comes back as its
			// replica; a single Redis is simply down until it is started again (docs/design.md §10).
			case "redis-failover" -> "kill redis-primary@%s, start redis@%s".formatted(t(15, scale), t(30, scale));
			// Frozen for longer than Sentinel's down-after time: a failover, then the old primary wakes up.
			case "redis-primary-freeze" -> "freeze redis-primary@%s, thaw redis@%s".formatted(t(15, scale), t(25, scale));
			default -> throw new IllegalArgumentException(
					"no drill preset '" + name + "'; presets: " + String.join(", ", PRESETS));
		};
		Drill drill = parse(timeline);
		return new Drill(name, drill.events(), drill.duration());
	}

	private static String rolling(int instances, double scale) {
		List<String> events = new ArrayList<>();
		for (int n = 1; n <= instances; n++) {
			events.add("restart app-%d@%s".formatted(n, t(10 + 15 * (n - 1), scale)));
		}
		return String.join(", ", events);
	}

	private static String t(int seconds, double scale) {
		return Math.max(1, Math.round(seconds * scale)) + "s";
	}

	/** The timeline in the drill syntax. */
	public String describe() {
		return String.join(", ", this.events.stream().map(DrillEvent::describe).toList());
	}

	/**
	 * Whether the drill needs Redis: an event acts on a Redis or Sentinel process (a Redis latency
	 * event's target is {@code redis} too), or cuts an instance off Redis. Such a drill means nothing on a variant without Redis.
	 */
	public boolean needsRedis() {
		return this.events.stream()
			.anyMatch(e -> e.target().startsWith("redis") || e.target().startsWith("sentinel")
					|| e.action() == DrillEvent.Action.PARTITION || e.action() == DrillEvent.Action.HEAL);
	}

	/**
	 * Whether the drill leaves an app instance a new, cold JVM: an app is killed, started or
	 * restarted (a frozen one keeps its compiled code).
	 */
	public boolean restartsAnApp() {
		return this.events.stream()
			.anyMatch(e -> e.target().startsWith("app-") && (e.action() == DrillEvent.Action.KILL
					|| e.action() == DrillEvent.Action.START || e.action() == DrillEvent.Action.RESTART));
	}

	/**
	 * Why the drill cannot run on a stack of {@code instances} app instances, with or without Redis
	 * ({@code redisNodes}: 0, 1, or 2 with Sentinel) and {@code sentinels} Sentinels, one line per event
	 * that targets what the stack does not have; empty when it can. Said before a stack starts: the run would only find out at
	 * the event, after its warm-up, and report an invalid drill.
	 */
	public List<String> unfitFor(int instances, int redisNodes, int sentinels) {
		List<String> problems = new ArrayList<>();
		for (DrillEvent event : this.events) {
			String target = event.target();
			String why = null;
			boolean cutsOffRedis = event.action() == DrillEvent.Action.PARTITION || event.action() == DrillEvent.Action.HEAL;
			if ((target.startsWith("redis") || cutsOffRedis) && redisNodes == 0) {
				why = "this variant runs without Redis";
			}
			else if (target.startsWith("app-")) {
				int n = Integer.parseInt(target.substring("app-".length()));
				if (n < 1 || n > instances) {
					why = "the stack has %d instance%s (app-1%s)".formatted(instances, instances == 1 ? "" : "s",
							instances == 1 ? "" : " … app-" + instances);
				}
			}
			else if (target.matches("redis-\\d+")) {
				int n = Integer.parseInt(target.substring("redis-".length()));
				if (redisNodes < 2) {
					why = "redis-N names a node of Redis with Sentinel (--redis-ha); this stack has one Redis: 'redis'";
				}
				else if (n < 1 || n > redisNodes) {
					why = "Redis with Sentinel has redis-1 and redis-2";
				}
			}
			else if (target.startsWith("sentinel-")) {
				int n = Integer.parseInt(target.substring("sentinel-".length()));
				if (n < 1 || n > sentinels) {
					why = sentinels == 0 ? "this stack has no Sentinel (--redis-ha starts three)"
							: "the stack has %d Sentinels".formatted(sentinels);
				}
			}
			if (why != null) {
				problems.add("the drill's event '%s' targets %s, but %s".formatted(event.describe(), target, why));
			}
		}
		return problems;
	}

	/** Whether any event needs Redis latency injection (the apps then reach Redis through a proxy). */
	public boolean injectsRedisLatency() {
		return this.events.stream().anyMatch(e -> e.action() == DrillEvent.Action.REDIS_LATENCY);
	}
}
