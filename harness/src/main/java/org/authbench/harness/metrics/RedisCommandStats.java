package org.authbench.harness.metrics;

import java.util.Map;
import java.util.TreeMap;

import redis.clients.jedis.Jedis;

/**
 * Redis commands executed, per command, from {@code INFO commandstats} (never MONITOR, which
 * slows Redis down). Take a snapshot before and after a window; the difference is what the
 * window cost Redis.
 */
public final class RedisCommandStats {

	private RedisCommandStats() {
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
	 * {@code INFO}, which only the measuring itself sends.
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
