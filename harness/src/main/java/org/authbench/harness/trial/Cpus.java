package org.authbench.harness.trial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.authbench.harness.stack.Binaries;

/**
 * Which CPUs the load generator and the systems under test get. With at least two CPUs and
 * pinning on, the generator gets the last CPU and every process of every system (threads
 * included, via {@code taskset -a}) the others, so the generator cannot take CPU from what it
 * measures; afterwards the systems get every CPU back. With one CPU, or pinning off, they share.
 *
 * @param generator the generator's CPU list for {@code taskset -c}, or "any"
 * @param systems the systems' CPU list, or "any"
 */
record Cpus(String generator, String systems, int count) {

	static Cpus plan(boolean pin) {
		int count = Runtime.getRuntime().availableProcessors();
		if (!pin || count < 2) {
			return new Cpus("any", "any", count);
		}
		return new Cpus(String.valueOf(count - 1), count == 2 ? "0" : "0-" + (count - 2), count);
	}

	/** The generator's CPU list, or null when it is not pinned. */
	String generatorList() {
		return "any".equals(this.generator) ? null : this.generator;
	}

	void pinSystems(List<TrialTarget> targets) {
		if (!"any".equals(this.systems)) {
			affinity(targets, this.systems);
		}
	}

	void unpinSystems(List<TrialTarget> targets) {
		if (!"any".equals(this.systems)) {
			affinity(targets, "0-" + (this.count - 1));
		}
	}

	private static void affinity(List<TrialTarget> targets, String cpus) {
		String taskset = Binaries.require("taskset", "util-linux").toString();
		for (TrialTarget target : targets) {
			for (long pid : target.pids().get().values()) {
				List<Long> tree = new ArrayList<>(List.of(pid));
				ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> tree.add(child.pid())));
				for (long each : tree) {
					run(taskset, "-a", "-p", "-c", cpus, String.valueOf(each));
				}
			}
		}
	}

	/** A process that ended meanwhile is no error: it has no CPUs to set. */
	private static void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
