package org.authbench.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the OS binaries the integration tests need. A missing one fails the test with the
 * package to install: these tests never skip themselves.
 */
public final class Binaries {

	private Binaries() {
	}

	/**
	 * @param name the executable, e.g. {@code redis-server}
	 * @param debianPackage the package that provides it, e.g. {@code redis-server}
	 */
	public static Path require(String name, String debianPackage) {
		return find(name).orElseThrow(() -> new IllegalStateException(name + " was not found on PATH or in /usr/sbin."
				+ " Install it: apt-get install -y " + debianPackage + " (./authbench test does this when run as root)."));
	}

	public static Optional<Path> find(String name) {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
				+ "/usr/bin";
		for (String dir : List.of(path.split(File.pathSeparator))) {
			Path candidate = Path.of(dir, name);
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}
}
