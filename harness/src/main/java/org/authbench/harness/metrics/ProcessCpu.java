package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

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

	/**
	 * CPU seconds of each process over a window, and the warnings for what could not be counted.
	 * @param seconds per process: CPU seconds in the window
	 * @param warnings a process restarted, stopped, or whose CPU time went back
	 */
	public record Window(Map<String, Double> seconds, List<String> warnings) {

		public Window {
			seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
			warnings = List.copyOf(warnings);
		}
	}

	/**
	 * The CPU of a window from two samples, each with the PIDs it was taken of. Sampling starts a
	 * little after the window does: {@code scale} (window ÷ sampled time) extrapolates a
	 * process's CPU over the sampled time to the window. CPU time is a counter per process, so:
	 * <ul>
	 * <li>same PID: {@code after - before}, scaled;</li>
	 * <li>another PID (restarted) or none before (started in the window): the new process's CPU
	 * since its start, all of it inside the window (not scaled); after a restart the old
	 * process's CPU before it stopped is missing, and a warning says so;</li>
	 * <li>a PID only before (stopped, not started again): left out, with a warning;</li>
	 * <li>same PID but less CPU than before (a process of its tree ended, or it is gone):
	 * left out, with a warning; never a negative figure.</li>
	 * </ul>
	 */
	public static Window between(Map<String, Long> pidsBefore, Map<String, Double> before, Map<String, Long> pidsAfter,
			Map<String, Double> after, double scale) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		after.forEach((name, value) -> {
			Long oldPid = pidsBefore.get(name);
			Long newPid = pidsAfter.get(name);
			if (oldPid == null || !oldPid.equals(newPid)) {
				seconds.put(name, round(value));
				if (oldPid != null) {
					warnings.add(("%s restarted during the measurement window (pid %d → %d): its CPU counts from its "
							+ "restart; what the old process used before it stopped is not in the figures")
						.formatted(name, oldPid, newPid));
				}
			}
			else if (value >= before.get(name)) {
				seconds.put(name, round((value - before.get(name)) * scale));
			}
			else {
				warnings.add(("%s's CPU time went back during the measurement window (%.2f → %.2f s: a process of its "
						+ "tree ended, or it is gone): its CPU is not in the figures").formatted(name, before.get(name), value));
			}
		});
		pidsBefore.keySet()
			.stream()
			.filter(name -> !after.containsKey(name))
			.forEach(name -> warnings.add(("%s stopped during the measurement window and was not running at its end: "
					+ "its CPU is not in the figures").formatted(name)));
		return new Window(seconds, warnings);
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

	/**
	 * {@code after - before} per name; a process that restarted in between counts from 0. Without
	 * PIDs, less CPU than before is taken for a restart: {@link #between} tells them apart.
	 */
	public static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Double> delta = new LinkedHashMap<>();
		after.forEach((name, value) -> {
			double start = before.getOrDefault(name, 0.0);
			delta.put(name, value >= start ? value - start : value);
		});
		return delta;
	}

	static long treeTicks(long pid) {
		return tree(pid).map(ProcessCpu::ticks).sum();
	}

	/** A process and its descendants (nginx's master and its workers), by PID; only the PID once it is gone. */
	static LongStream tree(long pid) {
		return LongStream.concat(LongStream.of(pid),
				ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).mapToLong(ProcessHandle::pid));
	}

	/** utime + stime (fields 14 and 15) of one process; 0 when it is gone. */
	static long ticks(long pid) {
		String stat = stat(pid);
		return stat == null ? 0 : parseTicks(stat);
	}

	/** {@code /proc/<pid>/stat}, or null when the process is gone. */
	static String stat(long pid) {
		try {
			return Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		}
		catch (IOException gone) {
			return null;
		}
	}

	/** The process's start time after boot, in clock ticks (field 22). */
	static long parseStart(String stat) {
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ")[19]);
	}

	/** The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'. */
	static long parseTicks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// fields[0] is field 3 (state): utime is field 14, stime field 15.
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}
}
