package org.authbench.harness.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a stack runs: {@code native} processes ({@link Stack}, the default on Linux) or
 * {@code docker} containers ({@link DockerStack}, any Docker host). Both start the same
 * {@link StackSpec} and record it in the same state file, so that {@code down}, {@code status},
 * {@code chaos} and {@code verify} work on either from another terminal.
 */
public interface StackRuntime {

	/** Starts the stack and waits until every member is healthy; on failure stops what it started. */
	StackState up(StackSpec spec);

	/** Stops every member and removes the state file; one line per member. */
	List<String> down(StackState state);

	/** Each member: running, frozen or gone, and its health. */
	List<MemberStatus> status(StackState state);

	/** Breaks or repairs one member and records the result in the state file. */
	StackState chaos(StackState state, ChaosAction action, String target);

	/** Turns nginx's access log on or off and reloads nginx (a trial measures without it; drills count from it). */
	void accessLog(StackState state, boolean on);

	/** {@code native} or {@code docker}, as {@code --runtime} takes it. */
	static StackRuntime of(String runtime, PrintWriter progress) {
		return switch (runtime) {
			case "native" -> new Stack(progress);
			case "docker" -> new DockerStack(progress);
			default -> throw new IllegalArgumentException("unknown runtime '" + runtime + "', expected native or docker");
		};
	}

	/**
	 * The stack in this run folder is meant to outlive this JVM ({@code up --detach}): the shutdown
	 * hook that brings down what this JVM started leaves it alone.
	 */
	static void detach(Path runDir) {
		StartedStacks.remove(runDir);
	}

	/** The runtime of the stack started from {@code runDir} (native when none was started there). */
	static StackRuntime of(Path runDir, PrintWriter progress) {
		return DockerStack.startedIn(runDir) ? new DockerStack(progress) : new Stack(progress);
	}
}
