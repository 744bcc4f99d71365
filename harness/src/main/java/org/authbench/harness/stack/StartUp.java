package org.authbench.harness.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stack's start-up as both runtimes run it ({@link Stack}, {@link DockerStack}): from a state of
 * no member, each step saved to the state file, the stack listed for the shutdown hook meanwhile
 * ({@link StartedStacks}); when a step fails, what was started is stopped again (each runtime its
 * own way, from the state file) and the failure rethrown, unchecked.
 */
final class StartUp {

	/** The steps, from the state they start with to the state of the whole stack. */
	@FunctionalInterface
	interface Steps {

		StackState run(StackState state) throws IOException;
	}

	private StartUp() {
	}

	/**
	 * Runs the steps; on failure hands {@code stopAfterFailure} the state they started with (it
	 * reads what was started from the state file, which every step writes).
	 */
	static StackState run(StackSpec spec, Steps steps, Consumer<StackState> stopAfterFailure) {
		StackState initial = new StackState(spec.variant().id(), spec.lb().id(), spec.port(), spec.runDir().toString(),
				spec.startTimeout().toSeconds(), List.of());
		StartedStacks.add(spec.runDir());
		try {
			return steps.run(initial);
		}
		catch (IOException ex) {
			stopAfter(initial, stopAfterFailure);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			stopAfter(initial, stopAfterFailure);
			throw ex;
		}
	}

	private static void stopAfter(StackState initial, Consumer<StackState> stopAfterFailure) {
		try {
			stopAfterFailure.accept(initial);
		}
		finally {
			StartedStacks.remove(Path.of(initial.runDir()));
		}
	}
}
