package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of processes, from {@code /proc/<pid>/stat} (user + system, all threads), summed
 * over each process and its descendants (nginx's master and workers). Take a sample before and
 * after a window; the difference is the CPU each process spent in it.
 */
public final class ProcessCpu {

	/** Linux reports times in clock ticks; USER_HZ is 100 on every mainstream architecture. */
	static final long TICKS_PER_SECOND = 100;

	private ProcessCpu() {
	}

	/** CPU seconds used so far by each named process tree; a gone process counts 0. */
	public static Map<String, Double> sample(Map<String, Long> pids) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		pids.forEach((name, pid) -> seconds.put(name, treeTicks(pid) / (double) TICKS_PER_SECOND));
		return seconds;
	}

	/** {@code after - before} per name; a process that restarted in between counts from 0. */
	public static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Double> delta = new LinkedHashMap<>();
		after.forEach((name, value) -> {
			double start = before.getOrDefault(name, 0.0);
			delta.put(name, value >= start ? value - start : value);
		});
		return delta;
	}

	static long treeTicks(long pid) {
		long ticks = ticks(pid);
		ticks += ProcessHandle.of(pid)
			.map(handle -> handle.descendants().mapToLong(child -> ticks(child.pid())).sum())
			.orElse(0L);
		return ticks;
	}

	/** utime + stime (fields 14 and 15) of one process; 0 when it is gone. */
	static long ticks(long pid) {
		try {
			return parseTicks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
		}
		catch (IOException gone) {
			return 0;
		}
	}

	/** The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'. */
	static long parseTicks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// fields[0] is field 3 (state): utime is field 14, stime field 15.
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}
}
