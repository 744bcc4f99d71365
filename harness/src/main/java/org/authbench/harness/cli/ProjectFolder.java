package org.authbench.harness.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The project folder option: where the app jars and nginx/ are. */
final class ProjectFolder {

	@Option(names = "--home", paramLabel = "DIR",
			description = "Project folder with the app jars and nginx/ (default: $AUTHBENCH_HOME, else the current folder).")
	Path home;

	Path home() {
		if (this.home != null) {
			return this.home.toAbsolutePath().normalize();
		}
		String fromEnv = System.getProperty("authbench.home", System.getenv("AUTHBENCH_HOME"));
		return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "").toAbsolutePath().normalize();
	}
}
