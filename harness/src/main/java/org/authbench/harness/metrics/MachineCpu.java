package org.authbench.harness.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time the whole machine spent running processes, from the first line of {@code /proc/stat}
 * (user + nice + system, all CPUs; interrupt and softirq time is left out because it belongs to
 * no process: loopback traffic of the measured systems lands there). Take a sample before and
 * after a window: the difference, minus what the processes one knows about used, is what other
 * processes took from the machine meanwhile.
 */
public final class MachineCpu {

	private static final Path STAT = Path.of("/proc/stat");

	private MachineCpu() {
	}

	/** CPU seconds the machine's processes have used since boot. */
	public static double busySeconds() {
		try {
			return parseBusySeconds(Files.readAllLines(STAT).get(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + STAT, ex);
		}
	}

	/** From the {@code cpu} line: {@code cpu user nice system idle iowait irq softirq steal ...}, in ticks. */
	static double parseBusySeconds(String cpuLine) {
		String[] fields = cpuLine.trim().split("\\s+");
		if (!"cpu".equals(fields[0]) || fields.length < 5) {
			throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
		}
		long ticks = Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3]);
		return ticks / (double) ProcessCpu.TICKS_PER_SECOND;
	}

	/** The machine's CPUs, read once: the trial's analysis asks for every window. */
	private static volatile int count;

	/**
	 * The machine's CPUs: the {@code cpuN} lines of {@code /proc/stat}. Unlike
	 * {@code Runtime.availableProcessors()}, which counts the CPUs the calling thread may run on,
	 * it does not change while authbench pins itself to the load generator's CPU.
	 */
	public static int count() {
		if (count == 0) {
			try {
				count = parseCount(Files.readAllLines(STAT));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + STAT, ex);
			}
		}
		return count;
	}

	static int parseCount(List<String> stat) {
		return (int) stat.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
	}

	/** CPU seconds this JVM (all its threads, not its children) has used. */
	public static double ownSeconds() {
		return ProcessCpu.ticks(ProcessHandle.current().pid()) / (double) ProcessCpu.TICKS_PER_SECOND;
	}
}
