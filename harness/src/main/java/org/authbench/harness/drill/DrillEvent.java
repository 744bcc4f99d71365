package org.authbench.harness.drill;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of a drill, at a time after the start of measurement: {@code kill app-2@20s},
 * {@code redis-kill@30s}, {@code redis-latency=5ms@40s}.
 *
 * @param action what happens
 * @param target {@code app-N} or {@code redis}; with Redis HA also {@code redis-N}, {@code sentinel-N} and
 * {@code redis-primary}, the primary when the event runs (see {@code Stack#chaos})
 * @param at when, after measurement started
 * @param latency for {@link Action#REDIS_LATENCY}: the delay added to each Redis round trip
 */
public record DrillEvent(Action action, String target, Duration at, Duration latency) {

	/** What a drill can do to the stack. */
	public enum Action {

		/** SIGKILL. */
		KILL,
		/** SIGSTOP: the process keeps its port, connections hang. */
		FREEZE,
		/** SIGCONT. */
		THAW,
		/** Start a stopped process again with the same settings. */
		START,
		/** Stop (SIGTERM, then SIGKILL) and start again: what a deploy does. */
		RESTART,
		/** Delay every round trip between the apps and Redis (through a TCP proxy). */
		REDIS_LATENCY,
		/** Cut an instance off Redis's network, nginx still reaching it (docker runtime). */
		PARTITION,
		/** Join a partitioned instance to Redis's network again. */
		HEAL;

		String id() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	private static final Pattern SYNTAX = Pattern.compile(
			"(?<action>kill|freeze|thaw|start|restart)\\s+(?<target>app-\\d+|redis(?:-primary|-\\d+)?|sentinel-\\d+)"
					+ "|redis-(?<redis>kill|start)"
					+ "|(?<cut>partition|heal)\\s+(?<instance>app-\\d+)"
					+ "|redis-latency=(?<latency>\\d+)(?:ms)?");

	private static final Pattern AT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)?");

	public DrillEvent {
		if (at.isNegative()) {
			throw new IllegalArgumentException("a drill event cannot happen before measurement starts: " + at);
		}
	}

	/** Parses one event such as {@code kill app-2@20s}; the error names the accepted forms. */
	public static DrillEvent parse(String text) {
		String[] parts = text.trim().split("@");
		if (parts.length != 2) {
			throw invalid(text);
		}
		Matcher what = SYNTAX.matcher(parts[0].trim().toLowerCase(Locale.ROOT));
		Matcher when = AT.matcher(parts[1].trim().toLowerCase(Locale.ROOT));
		if (!what.matches() || !when.matches()) {
			throw invalid(text);
		}
		double amount = Double.parseDouble(when.group(1));
		Duration at = Duration.ofMillis((long) ("ms".equals(when.group(2)) ? amount : amount * 1000));
		if (what.group("action") != null) {
			return new DrillEvent(Action.valueOf(what.group("action").toUpperCase(Locale.ROOT)), what.group("target"),
					at, Duration.ZERO);
		}
		if (what.group("cut") != null) {
			return new DrillEvent(Action.valueOf(what.group("cut").toUpperCase(Locale.ROOT)), what.group("instance"), at,
					Duration.ZERO);
		}
		if (what.group("redis") != null) {
			return new DrillEvent("kill".equals(what.group("redis")) ? Action.KILL : Action.START, "redis", at,
					Duration.ZERO);
		}
		return new DrillEvent(Action.REDIS_LATENCY, "redis", at, Duration.ofMillis(Long.parseLong(what.group("latency"))));
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException("not a drill event: '" + text.trim() + "'. Write <event>@<time>, events: "
				+ "kill|freeze|thaw|start|restart app-N|redis|redis-primary|redis-N|sentinel-N, redis-kill, redis-start, "
				+ "redis-latency=<ms>, partition|heal app-N (docker runtime); "
				+ "time like 20s or 1500ms after measurement starts");
	}

	/**
	 * Whether the event breaks something (kill, freeze, restart, Redis latency above 0) rather
	 * than repairing what an earlier event broke (start, thaw, Redis latency back to 0).
	 */
	public boolean breaks() {
		return switch (this.action) {
			case KILL, FREEZE, RESTART, PARTITION -> true;
			case START, THAW, HEAL -> false;
			case REDIS_LATENCY -> !this.latency.isZero();
		};
	}

	/** The event as the drill syntax writes it. */
	public String describe() {
		String what = this.action == Action.REDIS_LATENCY ? "redis-latency=" + this.latency.toMillis() + "ms"
				: this.action.id() + " " + this.target;
		return what + "@" + (this.at.toMillis() % 1000 == 0 ? this.at.toSeconds() + "s" : this.at.toMillis() + "ms");
	}
}
