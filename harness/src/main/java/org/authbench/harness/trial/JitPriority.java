package org.authbench.harness.trial;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.authbench.harness.metrics.CompilerCpu;

/**
 * Raises the scheduling priority of the targets' JIT compiler threads while they warm up and
 * settle, and puts it back before the measured rounds. Linux shares a CPU between runnable
 * threads alike, so under 32 connections pinned to one CPU the single C2 compiler thread got
 * about a thirty-third of it. One recompilation of Netty's event loop in the jwt app took 4.3 s
 * of CPU then, and its compilers were still busy after 10 settling windows (JFR, 2026-12-04). In
 * steady state the compilers are idle, so their priority changes nothing in what is measured;
 * the rounds run at the default priority all the same. Needs root (or CAP_SYS_NICE): without
 * it, the priority stays and the warm-up takes longer.
 */
final class JitPriority {

	/**
	 * The nice value of the compiler threads while warming: the highest. The scheduler shares a
	 * CPU by weight, and against 16 runnable request threads per CPU a compiler at -10 (weight
	 * 9,548 against 1,024 each) got about 37% of one; at -20 (88,761) about 85%. Measured over the
	 * demo's warm-up: the compilers used 0.42–0.46 CPUs on average at -10, and about 1 CPU (both
	 * compiler threads busy) for the first 5–7 windows at -20, done 2–4 windows sooner
	 * (2026-12-04, trials of 20:13 and 20:28).
	 */
	static final int RAISED = -20;

	private JitPriority() {
	}

	/** Raises the compiler threads' priority; false when it could not (not root). */
	static boolean raise(List<TrialTarget> targets) {
		return renice(targets, RAISED);
	}

	/** Puts the compiler threads back to the default priority. */
	static boolean restore(List<TrialTarget> targets) {
		return renice(targets, 0);
	}

	/**
	 * Sets the nice value of every compiler thread with util-linux's renice; {@code --priority} is an
	 * absolute value in every version (newer ones read {@code -n} as an increment, as POSIX has it).
	 */
	private static boolean renice(List<TrialTarget> targets, int nice) {
		List<Long> threads = new ArrayList<>();
		targets.forEach(t -> threads.addAll(CompilerCpu.compilerThreads(t.pids().get().values())));
		if (threads.isEmpty()) {
			return true;
		}
		List<String> command = new ArrayList<>(List.of("renice", "--priority", String.valueOf(nice), "-p"));
		threads.forEach(tid -> command.add(String.valueOf(tid)));
		try {
			Process renice = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
