package org.authbench.harness.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import redis.clients.jedis.Jedis;

/**
 * Redis commands executed, per command, from {@code INFO commandstats} (never MONITOR, which
 * slows Redis down), and the bytes Redis read and wrote. Take a {@link Sample} before and after
 * a window; {@link #between} is what the window cost Redis, or why that is not known: these are
 * counters since Redis started, and a Redis restarted in between (or {@code CONFIG RESETSTAT})
 * counts from zero again, so a difference would be negative or too small.
 */
public final class RedisCommandStats {

	private static final String NOT_MEASURED = "Redis commands and bytes per request are not measured";

	/**
	 * Redis's counters at one moment, and which server counted them.
	 * @param runId {@code INFO server}'s {@code run_id}: a new one for every start of Redis
	 * @param uptimeSeconds {@code uptime_in_seconds}
	 * @param calls calls per command so far
	 * @param networkBytes bytes read from and written to clients so far
	 * @param replicationOffset {@code INFO replication}'s {@code master_repl_offset}: bytes of
	 * the replication stream a primary has produced so far (each replica receives all of them);
	 * it stays put on a Redis without replicas (no backlog); null when not asked
	 */
	public record Sample(String runId, long uptimeSeconds, Map<String, Long> calls, long networkBytes,
			Long replicationOffset) {

		public Sample {
			calls = Map.copyOf(calls);
		}

		/** Without the replication offset. */
		public Sample(String runId, long uptimeSeconds, Map<String, Long> calls, long networkBytes) {
			this(runId, uptimeSeconds, calls, networkBytes, null);
		}
	}

	/**
	 * What one window cost Redis. When it cannot be known, {@code calls} and {@code networkBytes}
	 * are null and {@code warning} says why.
	 * @param calls calls per command in the window ({@code INFO} left out), or null
	 * @param networkBytes bytes read and written in the window, or null
	 * @param warning why the window is not measured, or null
	 */
	public record Window(Map<String, Long> calls, Long networkBytes, String warning) {

		public Window {
			calls = calls == null ? null : Map.copyOf(calls);
		}

		public static Window notMeasured(String why) {
			return new Window(null, null, why);
		}

		public boolean measured() {
			return this.calls != null;
		}
	}

	private RedisCommandStats() {
	}

	/** Which Redis runs, and its counters so far; one connection, four {@code INFO} sections. */
	public static Sample sample(String host, int port) {
		try (Jedis redis = new Jedis(host, port, 2000)) {
			String server = redis.info("server");
			return new Sample(field(server, "run_id"), Long.parseLong(field(server, "uptime_in_seconds")),
					parse(redis.info("commandstats")), parseNetworkBytes(redis.info("stats")),
					Long.parseLong(field(redis.info("replication"), "master_repl_offset")));
		}
	}

	/**
	 * Bytes of replication stream the primary produced between two samples of the same Redis
	 * ({@code master_repl_offset} after − before): what it sent to each replica, the writes it
	 * ran plus Redis's own pings. Null when not known: a sample missing or without the offset,
	 * another Redis ({@code run_id}), or the offset went back (a failover: a demoted primary
	 * takes its new primary's offset).
	 */
	public static Long replicationBytes(Sample before, Sample after) {
		if (before == null || after == null || before.replicationOffset() == null || after.replicationOffset() == null
				|| !before.runId().equals(after.runId()) || after.replicationOffset() < before.replicationOffset()) {
			return null;
		}
		return after.replicationOffset() - before.replicationOffset();
	}

	/**
	 * The window between two samples. Not measured when Redis restarted in between (another
	 * {@code run_id}, or its uptime went back) or any counter went back ({@code CONFIG RESETSTAT}):
	 * the counters then hold only what happened since, and {@code after - before} would be
	 * negative or silently too small. Counting from the restart would divide part of the window's
	 * commands by all of its requests; the figure is left out instead, and the warning says so.
	 * @param before null when Redis could not be sampled at the start of the window
	 * @param after null when Redis could not be sampled at its end
	 */
	public static Window between(Sample before, Sample after) {
		if (before == null || after == null) {
			return Window.notMeasured("Redis could not be sampled at the %s of the measurement window (not reachable): "
				.formatted(before == null ? "start" : "end") + NOT_MEASURED);
		}
		if (!before.runId().equals(after.runId()) || after.uptimeSeconds() < before.uptimeSeconds()) {
			return Window.notMeasured(("Redis restarted during the measurement window (run_id %s → %s, up %d s at its "
					+ "end; or, with Sentinel, another node became the primary): the counters at its end did not start "
					+ "with it, so ").formatted(abbreviated(before.runId()), abbreviated(after.runId()),
							after.uptimeSeconds())
					+ NOT_MEASURED);
		}
		List<String> back = new ArrayList<>();
		before.calls().forEach((command, calls) -> {
			if (after.calls().getOrDefault(command, 0L) < calls) {
				back.add(command);
			}
		});
		if (after.networkBytes() < before.networkBytes()) {
			back.add("total_net_input_bytes/total_net_output_bytes");
		}
		if (!back.isEmpty()) {
			return Window.notMeasured("Redis's counters went back during the measurement window (%s; CONFIG RESETSTAT?): "
				.formatted(String.join(", ", back)) + NOT_MEASURED);
		}
		return new Window(delta(before.calls(), after.calls()), after.networkBytes() - before.networkBytes(), null);
	}

	private static String abbreviated(String runId) {
		return runId.length() > 8 ? runId.substring(0, 8) + "…" : runId;
	}

	/** A {@code name:value} line of an INFO section. */
	public static String field(String info, String name) {
		for (String line : info.split("\r?\n")) {
			if (line.startsWith(name + ":")) {
				return line.substring(name.length() + 1).trim();
			}
		}
		throw new IllegalStateException("INFO without " + name);
	}

	/** Calls per command so far, e.g. {@code {hgetall=120, exists=120}}. */
	public static Map<String, Long> snapshot(String host, int port) {
		try (Jedis redis = new Jedis(host, port, 2000)) {
			return parse(redis.info("commandstats"));
		}
	}

	/**
	 * Bytes Redis has read from and written to its clients so far ({@code INFO stats}:
	 * {@code total_net_input_bytes + total_net_output_bytes}): the session store's IO.
	 */
	public static long networkBytes(String host, int port) {
		try (Jedis redis = new Jedis(host, port, 2000)) {
			return parseNetworkBytes(redis.info("stats"));
		}
	}

	static long parseNetworkBytes(String info) {
		long bytes = 0;
		int found = 0;
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("total_net_input_bytes:") || line.startsWith("total_net_output_bytes:")) {
				bytes += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
				found++;
			}
		}
		if (found != 2) {
			throw new IllegalStateException("INFO stats without total_net_input_bytes and total_net_output_bytes");
		}
		return bytes;
	}

	/** Parses lines like {@code cmdstat_hgetall:calls=12,usec=80,usec_per_call=6.67,…}. */
	static Map<String, Long> parse(String info) {
		Map<String, Long> calls = new TreeMap<>();
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				String command = line.substring("cmdstat_".length(), line.indexOf(':'));
				for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
					if (field.startsWith("calls=")) {
						calls.put(command, Long.parseLong(field.substring("calls=".length())));
					}
				}
			}
		}
		return calls;
	}

	/**
	 * {@code after - before} per command; commands that did not run are left out, and so is
	 * {@code INFO}, which only the measuring itself sends. Assumes the same Redis counted both
	 * (no counter went back): {@link #between} checks that.
	 */
	public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		after.forEach((command, calls) -> {
			long diff = calls - before.getOrDefault(command, 0L);
			if (diff > 0 && !"info".equals(command)) {
				delta.put(command, diff);
			}
		});
		return delta;
	}

	public static long total(Map<String, Long> calls) {
		return calls.values().stream().mapToLong(Long::longValue).sum();
	}
}
