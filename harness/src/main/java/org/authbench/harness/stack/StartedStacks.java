package org.authbench.harness.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Run folders of the stacks this JVM started and has not brought down, on either runtime. When
 * the JVM ends before it brings them down (Ctrl-C or SIGTERM in the middle of a demo), a shutdown
 * hook does, through the runtime each was started on, so no app, nginx, Redis or container of
 * ours outlives the command that started it. {@code up --detach} hands its stack over with
 * {@link StackRuntime#detach}. A native process starts and enters its stack's state file in one
 * step ({@link #recording}) that the hook cannot come between, and none starts once it has begun.
 */
final class StartedStacks {

	private static final Set<Path> STARTED = ConcurrentHashMap.newKeySet();

	/** Between the starts of the stacks' processes and this hook (see {@link StartGuard}). */
	private static final StartGuard GUARD = new StartGuard();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(StartedStacks::downAll, "authbench-stop-stacks"));
	}

	private StartedStacks() {
	}

	/** Starts a process of a stack and saves it into the stack's state file, unless the hook has begun. */
	static StackState recording(Supplier<StackState> startAndSave) {
		return GUARD.recording(startAndSave);
	}

	static void add(Path runDir) {
		STARTED.add(key(runDir));
	}

	static void remove(Path runDir) {
		STARTED.remove(key(runDir));
	}

	private static Path key(Path runDir) {
		return runDir.toAbsolutePath().normalize();
	}

	/** The shutdown hook's work: brings down every stack started here and still up. */
	private static void downAll() {
		GUARD.stop();
		if (STARTED.isEmpty()) {
			return;
		}
		PrintWriter err = new PrintWriter(System.err, true);
		for (Path runDir : List.copyOf(STARTED)) {
			StackState.load(runDir).ifPresent(state -> {
				err.println("stopping the stack in " + runDir + " (interrupted)");
				try {
					StackRuntime.of(runDir, err).down(state);
				}
				catch (RuntimeException ex) {
					err.println("could not stop it: " + ex.getMessage());
				}
			});
		}
	}
}
