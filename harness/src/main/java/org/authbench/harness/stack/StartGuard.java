package org.authbench.harness.stack;

import java.util.function.Supplier;

/**
 * Lets the processes of stacks start until the shutdown hook begins, and lets the hook begin only
 * between two starts. A start is one step: the process starts and enters its stack's state file,
 * which the hook reads to stop it. The JVM does not stop its other threads for a shutdown hook,
 * so without this a stack still starting went on while the hook stopped it: in a trial stopped
 * with SIGTERM while its four stacks started side by side (2026-12-06), two of them started
 * their nginx after the hook had read their state files, and both nginx outlived authbench.
 */
final class StartGuard {

	private boolean stopping;

	/**
	 * Runs a start step (start a process, save the state file with it) unless the hook has begun.
	 * @throws StackException once {@link #stop} has been called
	 */
	synchronized <T> T recording(Supplier<T> startAndSave) {
		if (this.stopping) {
			throw new StackException("authbench is stopping: no process of a stack starts now");
		}
		return startAndSave.get();
	}

	/** No start after this; returns once a start in progress has entered its state file. */
	synchronized void stop() {
		this.stopping = true;
	}
}
