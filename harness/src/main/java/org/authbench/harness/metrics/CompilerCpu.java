package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How busy the JIT compilers of some JVMs were: the CPU time of their compiler threads (HotSpot
 * names them {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}) against the CPU time
 * of all their threads, per thread from {@code /proc/<pid>/task/<tid>/schedstat} (nanoseconds:
 * the clock ticks of {@code /proc/<pid>/stat} are 10 ms, as much as a whole compilation).
 * A process without compiler threads (nginx, Redis, a JVM run with {@code -Xint}) adds nothing.
 * Take a sample before and after a window; a thread that ended in between is not counted.
 */
public final class CompilerCpu {

	private CompilerCpu() {
	}

	/**
	 * CPU nanoseconds so far per thread of the JVMs among some processes.
	 * @param compiler compiler thread id → its CPU time
	 * @param all every thread of those JVMs, compiler threads included → its CPU time
	 */
	public record Sample(Map<Long, Long> compiler, Map<Long, Long> all) {

		public Sample {
			compiler = Map.copyOf(compiler);
			all = Map.copyOf(all);
		}
	}

	/**
	 * The compilers' CPU over a window against their JVMs' CPU.
	 * @param compilerSeconds CPU of the compiler threads
	 * @param jvmSeconds CPU of every thread of those JVMs
	 */
	public record Window(double compilerSeconds, double jvmSeconds) {

		/** The compilers' share of their JVMs' CPU; null when no JVM ran. */
		public Double share() {
			return this.jvmSeconds > 0 ? this.compilerSeconds / this.jvmSeconds : null;
		}
	}

	/** The threads of the JVMs among these processes and their descendants, now. */
	public static Sample sample(Collection<Long> pids) {
		Map<Long, Long> compiler = new HashMap<>();
		Map<Long, Long> all = new HashMap<>();
		pids.stream().flatMapToLong(ProcessCpu::tree).distinct().forEach(pid -> readJvm(pid, compiler, all));
		return new Sample(compiler, all);
	}

	/** The thread ids of the JIT compiler threads of the JVMs among these processes and their descendants. */
	public static List<Long> compilerThreads(Collection<Long> pids) {
		return List.copyOf(sample(pids).compiler().keySet());
	}

	/** The CPU between two samples: per thread after − before; a thread new since counts in full. */
	public static Window between(Sample before, Sample after) {
		return new Window(seconds(before.compiler(), after.compiler()), seconds(before.all(), after.all()));
	}

	private static double seconds(Map<Long, Long> before, Map<Long, Long> after) {
		long nanos = 0;
		for (Map.Entry<Long, Long> thread : after.entrySet()) {
			nanos += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
		}
		return nanos / 1e9;
	}

	/** Whether a thread of this name (as the kernel keeps it: its first 15 characters) is a JIT compiler's. */
	static boolean isCompilerThread(String comm) {
		return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
	}

	private static void readJvm(long pid, Map<Long, Long> compiler, Map<Long, Long> all) {
		Map<Long, Long> threads = PreciseCpu.threads(pid);
		if (threads == null) {
			return;
		}
		Map<Long, Long> compilers = new HashMap<>();
		threads.forEach((tid, nanos) -> {
			if (isCompilerThread(comm(pid, tid))) {
				compilers.put(tid, nanos);
			}
		});
		if (!compilers.isEmpty()) {
			compiler.putAll(compilers);
			all.putAll(threads);
		}
	}

	/** A thread's name as the kernel keeps it; empty once the thread has ended. */
	private static String comm(long pid, long tid) {
		try {
			return Files.readString(Path.of("/proc", String.valueOf(pid), "task", String.valueOf(tid), "comm")).strip();
		}
		catch (IOException ended) {
			return "";
		}
	}

	/** The first field of {@code schedstat}: time spent on the CPU, in nanoseconds. */
	static long runNanos(String schedstat) {
		String line = schedstat.strip();
		int space = line.indexOf(' ');
		return Long.parseLong(space < 0 ? line : line.substring(0, space));
	}
}
