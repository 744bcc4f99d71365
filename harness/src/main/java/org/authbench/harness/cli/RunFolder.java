package org.authbench.harness.cli;

import java.nio.file.Path;

import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackState;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every verb shares: the project folder and the run folder holding the stack's state. */
final class RunFolder {

	@Mixin
	ProjectFolder project = new ProjectFolder();

	@Option(names = "--run-dir", paramLabel = "DIR",
			description = "Run folder: state file, logs, nginx prefix, Redis data (default: <home>/.authbench/run).")
	Path runDir;

	Path home() {
		return this.project.home();
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
