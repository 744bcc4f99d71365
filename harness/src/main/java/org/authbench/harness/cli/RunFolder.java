package org.authbench.harness.cli;

import java.nio.file.Path;

import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackState;
import picocli.CommandLine.Option;

/** Options every verb shares: the project folder and the run folder holding the stack's state. */
final class RunFolder {

	@Option(names = "--home", paramLabel = "DIR",
			description = "Project folder with the app jars and nginx/ (default: $AUTHBENCH_HOME, else the current folder).")
	Path home;

	@Option(names = "--run-dir", paramLabel = "DIR",
			description = "Run folder: state file, logs, nginx prefix, Redis data (default: <home>/.authbench/run).")
	Path runDir;

	Path home() {
		if (this.home != null) {
			return this.home.toAbsolutePath().normalize();
		}
		String fromEnv = System.getProperty("authbench.home", System.getenv("AUTHBENCH_HOME"));
		return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "").toAbsolutePath().normalize();
	}

	Path runDir() {
		return (this.runDir != null ? this.runDir : home().resolve(".authbench").resolve("run")).toAbsolutePath()
			.normalize();
	}

	/** The running stack's state, or an error saying none runs here. */
	StackState requireState() {
		return StackState.load(runDir())
			.orElseThrow(() -> new StackException("no stack is running from " + runDir()
					+ " (no state file); start one with: authbench up --variant <variant>"));
	}
}
