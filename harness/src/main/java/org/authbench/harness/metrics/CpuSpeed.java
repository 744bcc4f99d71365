package org.authbench.harness.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How fast one CPU works right now: the CPU time a fixed piece of work takes on it (integer
 * arithmetic over a 256 KiB table: the core and its L2, which a busy neighbour on the same
 * physical core or a shared cache slows). CPU time, not wall time: a probe preempted by the
 * systems it shares the CPU with is not slow, one whose every CPU-millisecond does less is.
 *
 * <p>Why: this machine has stretches, seconds to minutes long, in which one CPU does half its
 * work per CPU-second, with no other process running and no steal time reported (a trial of
 * 2026-12-05: the baseline app and its nginx used 1.8× the CPU per request of the rounds before,
 * on the systems' CPU only; the generator, on the other one, did not change). A window measured
 * then has inflated CPU figures and a lower capacity, and the slowdown is not the same for every
 * configuration (jwt's CPU grew 1.5×), so a ratio taken in it is off. The probe tells such a
 * window from a cold JVM.
 *
 * <p>The probe runs on a thread of its own, pinned to the CPU with {@code taskset}; {@link #open}
 * answers null when that cannot be done (no {@code taskset}, no {@code /proc/thread-self}).
 */
public final class CpuSpeed implements AutoCloseable {

	/** Table entries: 256 KiB of ints. */
	private static final int TABLE = 1 << 16;

	/** Steps of one piece of work: about 3 ms of one core of this machine. */
	static final int STEPS = 2_000_000;

	/** Pieces per sample; the sample is the fastest (a piece that met a context switch pays for the cache it lost). */
	static final int PIECES = 3;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final ExecutorService thread;

	private final String cpu;

	private final int[] table = new int[TABLE];

	private int state = 1;

	private CpuSpeed(ExecutorService thread, String cpu) {
		this.thread = thread;
		this.cpu = cpu;
	}

	/**
	 * A probe pinned to {@code cpu} (a {@code taskset -c} list of one CPU), compiled and ready;
	 * null when it cannot be pinned there.
	 */
	public static CpuSpeed open(String cpu) {
		ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
			Thread t = new Thread(task, "cpu-speed-" + cpu);
			t.setDaemon(true);
			return t;
		});
		CpuSpeed probe = new CpuSpeed(thread, cpu);
		try {
			boolean pinned = thread.submit(() -> pinThisThread(cpu)).get();
			if (!pinned || !THREADS.isCurrentThreadCpuTimeSupported()) {
				probe.close();
				return null;
			}
			// Compiled before it measures: the first pieces run interpreted.
			for (int i = 0; i < 30; i++) {
				probe.sampleMillis();
			}
			return probe;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			probe.close();
			return null;
		}
		catch (ExecutionException ex) {
			probe.close();
			return null;
		}
	}

	/** The CPU it runs on. */
	public String cpu() {
		return this.cpu;
	}

	/** CPU milliseconds of the fastest of {@value #PIECES} pieces of the work, run now on the probe's CPU. */
	public double sampleMillis() {
		try {
			return this.thread.submit(this::fastestPiece).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while probing CPU " + this.cpu, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("probing CPU " + this.cpu + " failed", ex.getCause());
		}
	}

	private double fastestPiece() {
		long best = Long.MAX_VALUE;
		for (int piece = 0; piece < PIECES; piece++) {
			long start = THREADS.getCurrentThreadCpuTime();
			this.state = work(this.table, this.state);
			best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
		}
		return best / 1e6;
	}

	/** One piece: a linear congruential walk that adds into the table (the result is kept, so it cannot be left out). */
	static int work(int[] table, int seed) {
		int x = seed;
		for (int i = 0; i < STEPS; i++) {
			x = x * 1664525 + 1013904223;
			table[(x >>> 8) & (TABLE - 1)] += x;
		}
		return x ^ table[x & (TABLE - 1)];
	}

	/** The CPUs the probe's thread may run on, as the kernel has them ({@code Cpus_allowed_list}). */
	String allowedCpus() {
		try {
			return this.thread.submit(CpuSpeed::allowedCpusOfThisThread).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	static String allowedCpusOfThisThread() throws IOException {
		return Files.readAllLines(Path.of("/proc/thread-self/status"))
			.stream()
			.filter(line -> line.startsWith("Cpus_allowed_list:"))
			.map(line -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElseThrow(() -> new IOException("no Cpus_allowed_list in /proc/thread-self/status"));
	}

	/** Pins the calling thread (its Linux thread id from {@code /proc/thread-self}) to {@code cpu}. */
	static boolean pinThisThread(String cpu) {
		try {
			Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
			String tid = self.getFileName().toString();
			Process taskset = new ProcessBuilder("taskset", "-p", "-c", cpu, tid).redirectErrorStream(true).start();
			taskset.getInputStream().readAllBytes();
			return taskset.waitFor(10, TimeUnit.SECONDS) && taskset.exitValue() == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}
}
