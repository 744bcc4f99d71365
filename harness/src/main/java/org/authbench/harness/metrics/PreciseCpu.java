package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of process trees to the nanosecond, where {@link ProcessCpu} counts 10-ms clock ticks.
 * A short window of a lightly loaded system spends a few tenths of a CPU-second (a paced 2-s trial
 * window of the baseline: about 0.3 s), and ticks truncate each process's user and system time
 * apart: up to 20 ms per process at each end, several percent of such a window.
 * <p>
 * A process's time is the sum over its live threads of {@code /proc/<pid>/task/<tid>/schedstat}
 * (time on a CPU, ns) plus what its ended threads used, which the kernel keeps only in the
 * process's ticks. That part is estimated, once at the first sample from the ticks less the
 * live threads' sum (an offset, which no difference of two samples sees), then from the last
 * figure seen of every thread that has since ended; and when the ticks exceed the estimate by
 * more than their truncation explains (20 ms), threads ended unseen, and the estimate takes the
 * ticks' figure. A warm JVM, nginx and Redis, whose threads live on, are thus counted exactly,
 * and threads that start and end between two samples at most 20 ms short, never accumulated.
 * One instance keeps what it saw of each process: sample every process through the same one.
 */
public final class PreciseCpu {

	private static final long NANOS_PER_TICK = 1_000_000_000L / ProcessCpu.TICKS_PER_SECOND;

	/** What this counter saw of each process, by PID. */
	private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

	/** CPU seconds used so far by each named process tree; a gone process counts 0. */
	public Map<String, Double> sample(Map<String, Long> pids) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		pids.forEach((name, pid) -> seconds.put(name, ProcessCpu.tree(pid).map(this::nanos).sum() / 1e9));
		return seconds;
	}

	/**
	 * One process's CPU so far, ns; 0 once it is gone. What was seen is kept by PID and start time:
	 * a new process that got an old one's PID starts afresh, not with the old one's threads as
	 * ended ones.
	 */
	long nanos(long pid) {
		Map<Long, Long> live = threads(pid);
		String stat = live == null ? null : ProcessCpu.stat(pid);
		if (stat == null) {
			this.seen.remove(pid);
			return 0;
		}
		long ticks = ProcessCpu.parseTicks(stat) * NANOS_PER_TICK;
		long start = ProcessCpu.parseStart(stat);
		return this.seen.compute(pid, (p, old) -> Seen.of(old, start)).update(live, ticks);
	}

	/** Time on a CPU of every live thread of a process, ns by thread; null when the process is gone. */
	static Map<Long, Long> threads(long pid) {
		Map<Long, Long> threads = new HashMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks) {
				try {
					threads.put(Long.parseLong(task.getFileName().toString()),
							CompilerCpu.runNanos(Files.readString(task.resolve("schedstat"))));
				}
				catch (IOException | RuntimeException ended) {
					// The thread ended while we read it: its time is in the ended threads' estimate.
				}
			}
			return threads;
		}
		catch (IOException gone) {
			return null;
		}
	}

	/** What was seen of one process: its threads' last figures and the estimate of its ended threads' time. */
	static final class Seen {

		/** How far a process's ticks may fall short of its true total: user and system time truncated apart. */
		static final long TICKS_SHORT = 2 * NANOS_PER_TICK;

		/** The process's start time (field 22 of {@code stat}, ticks since boot), which tells it from a later one with its PID. */
		private final long start;

		private Map<Long, Long> threads;

		private long ended;

		Seen(long start) {
			this.start = start;
		}

		/** What was seen of the process that started at {@code start}: {@code old} if it is that one, else nothing yet. */
		static Seen of(Seen old, long start) {
			return old != null && old.start == start ? old : new Seen(start);
		}

		/**
		 * The process's CPU so far from its live threads now and its ticks, both in ns.
		 * @param live time on a CPU of every live thread, ns
		 * @param ticks its user + system ticks, in ns (short of its true total by less than {@link #TICKS_SHORT})
		 */
		synchronized long update(Map<Long, Long> live, long ticks) {
			long sum = live.values().stream().mapToLong(Long::longValue).sum();
			if (this.threads == null) {
				this.ended = Math.max(0, ticks - sum);
			}
			else {
				for (Map.Entry<Long, Long> thread : this.threads.entrySet()) {
					if (!live.containsKey(thread.getKey())) {
						this.ended += thread.getValue();
					}
				}
				// More ticks than truncation explains: threads ended that no sample saw.
				long unseen = ticks - sum - this.ended;
				if (unseen > TICKS_SHORT) {
					this.ended += unseen;
				}
			}
			this.threads = Map.copyOf(live);
			return sum + this.ended;
		}
	}
}
