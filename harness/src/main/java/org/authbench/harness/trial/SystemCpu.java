package org.authbench.harness.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.authbench.harness.metrics.PreciseCpu;
import org.authbench.harness.stack.Binaries;
import org.authbench.harness.stack.DockerStack;
import org.authbench.harness.stack.StackState;

/**
 * Where a trial reads the CPU a system used, and how it keeps a system on some CPUs: processes
 * of this host ({@link #HOST}: {@code /proc} and {@code taskset}) or the containers of a docker
 * stack ({@link #containers}: their cgroups' usage through the Docker API, as {@code docker stats}
 * shows it, and their {@code cpuset}, as {@code docker update --cpuset-cpus} sets it), so that a
 * trial's figures and its pinning mean the same on both runtimes.
 */
public interface SystemCpu {

	/** CPU seconds so far of each member, by name; {@code pids}: the members now, by name. */
	Map<String, Double> sample(Map<String, Long> pids);

	/** Lets every member run on {@code cpus} only (a CPU list as {@code taskset -c} takes it, e.g. {@code 0-2}). */
	void pin(Map<String, Long> pids, String cpus);

	/**
	 * Processes of this host: every process tree's CPU to the nanosecond ({@link PreciseCpu}: a
	 * paced window of a light system spends a few tenths of a CPU-second, which 10-ms ticks would
	 * count to several percent), and {@code taskset -a} on every thread.
	 */
	SystemCpu HOST = new SystemCpu() {

		private final PreciseCpu cpu = new PreciseCpu();

		@Override
		public Map<String, Double> sample(Map<String, Long> pids) {
			return this.cpu.sample(pids);
		}

		@Override
		public void pin(Map<String, Long> pids, String cpus) {
			String taskset = Binaries.require("taskset", "util-linux").toString();
			for (long pid : pids.values()) {
				List<Long> tree = new ArrayList<>(List.of(pid));
				ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> tree.add(child.pid())));
				for (long each : tree) {
					run(taskset, "-a", "-p", "-c", cpus, String.valueOf(each));
				}
			}
		}
	};

	/** The containers of a docker stack, by member name (their host PIDs are not used). */
	static SystemCpu containers(StackState state) {
		return new SystemCpu() {

			@Override
			public Map<String, Double> sample(Map<String, Long> pids) {
				return DockerStack.cpuSeconds(state, List.copyOf(pids.keySet()));
			}

			@Override
			public void pin(Map<String, Long> pids, String cpus) {
				DockerStack.cpuset(state, List.copyOf(pids.keySet()), cpus);
			}
		};
	}

	/** A process that ended meanwhile is no error: it has no CPUs to set. */
	/** Runs a short command (taskset) and waits for it, its output discarded. */
	static void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
