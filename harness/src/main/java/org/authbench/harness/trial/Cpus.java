package org.authbench.harness.trial;

import java.util.List;

import org.authbench.harness.metrics.MachineCpu;
import org.authbench.harness.stack.Binaries;

/**
 * Which CPUs the load generator and the systems under test get. With at least two CPUs and
 * pinning on, the generator gets the last CPU and every process of every system (threads
 * included, via {@code taskset -a}; a docker stack's containers by their cpuset: {@link SystemCpu})
 * the others, so the generator cannot take CPU from what it measures; afterwards the systems get
 * every CPU back. authbench's own JVM (its sampling, its garbage collector and JIT compilers)
 * keeps to the generator's CPU too while the systems are pinned ({@link #pinSelf}), so that the
 * systems' CPU runs nothing else of authbench but the speed probe's thread, which pins itself.
 * With one CPU, or pinning off, they share.
 *
 * @param generator the generator's CPU list for {@code taskset -c}, or "any"
 * @param systems the systems' CPU list, or "any"
 */
record Cpus(String generator, String systems, int count) {

	static Cpus plan(boolean pin) {
		int count = MachineCpu.count();
		if (!pin || count < 2) {
			return new Cpus("any", "any", count);
		}
		return new Cpus(String.valueOf(count - 1), count == 2 ? "0" : "0-" + (count - 2), count);
	}

	/** The generator's CPU list, or null when it is not pinned. */
	String generatorList() {
		return "any".equals(this.generator) ? null : this.generator;
	}

	/** The first of the systems' CPUs, where the speed probe runs; null when the systems are not pinned. */
	String firstSystemCpu() {
		return first(this.systems);
	}

	/** The first CPU of a {@code taskset -c} range such as {@code 0-2}; null for "any". */
	static String first(String cpus) {
		return "any".equals(cpus) ? null : cpus.split("-")[0];
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

	/**
	 * Keeps every thread of this JVM on the generator's CPU (threads it starts later inherit that),
	 * until {@link #unpinSelf}. Nothing to do when nothing is pinned.
	 */
	void pinSelf() {
		if (!"any".equals(this.generator)) {
			self(this.generator);
		}
	}

	/** Gives every thread of this JVM every CPU back. */
	void unpinSelf() {
		if (!"any".equals(this.generator)) {
			self("0-" + (this.count - 1));
		}
	}

	/** Every thread of this JVM on {@code cpus} (a {@code taskset -c} list); threads it starts later inherit it. */
	static void self(String cpus) {
		SystemCpu.run(Binaries.require("taskset", "util-linux").toString(), "-a", "-p", "-c", cpus,
				String.valueOf(ProcessHandle.current().pid()));
	}

	private static void affinity(List<TrialTarget> targets, String cpus) {
		for (TrialTarget target : targets) {
			target.cpu().pin(target.pids().get(), cpus);
		}
	}
}
