package org.authbench.testsupport;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the commands a real Redis executed, per command, from {@code INFO commandstats}
 * after a {@code CONFIG RESETSTAT} (never {@code MONITOR}, which slows Redis down). The
 * commands used to take the count ({@code CONFIG}, {@code INFO}) are left out.
 *
 * <p>Commands run by Lua scripts are counted too, as Redis counts them. {@link #parse} reads
 * any {@code INFO commandstats} text, e.g. one taken by another tool.
 */
public final class RedisCommandStats {

	private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)", Pattern.MULTILINE);

	private final RedisServer redis;

	public RedisCommandStats(RedisServer redis) {
		this.redis = redis;
	}

	/** Zeroes Redis's counters: what {@link #counts()} returns next starts here. */
	public void reset() {
		String reply = this.redis.command("CONFIG", "RESETSTAT");
		if (!reply.startsWith("+OK")) {
			throw new IllegalStateException("CONFIG RESETSTAT answered " + reply.strip());
		}
	}

	/** Calls per command since the last {@link #reset()}, e.g. {@code {exists=20, hgetall=40}}. */
	public Map<String, Long> counts() {
		return parse(this.redis.command("INFO", "commandstats"));
	}

	/** Calls per command in an {@code INFO commandstats} reply, without CONFIG and INFO themselves. */
	public static Map<String, Long> parse(String info) {
		Map<String, Long> counts = new TreeMap<>();
		Matcher line = LINE.matcher(info);
		while (line.find()) {
			String command = line.group(1);
			if (!command.equals("info") && !command.startsWith("config")) {
				counts.merge(command, Long.parseLong(line.group(2)), Long::sum);
			}
		}
		return counts;
	}

	/** The total of a count map. */
	public static long total(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}
}
