package org.authbench.harness.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the OS programs a stack needs; a missing one is an error naming the package to install. */
public final class Binaries {

	/** The njs module nginx loads in the gateway-njs mode. */
	public static final Path NJS_MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_js_module.so");

	private Binaries() {
	}

	public static Path require(String name, String debianPackage) {
		return find(name).orElseThrow(() -> new StackException(name + " was not found on PATH or in /usr/sbin."
				+ " Install it: sudo apt-get install -y " + debianPackage));
	}

	public static Optional<Path> find(String name) {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
				+ "/usr/bin";
		for (String dir : path.split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
				return Optional.of(Path.of(dir, name));
			}
		}
		return Optional.empty();
	}

	public static void requireNjs() {
		if (!Files.isRegularFile(NJS_MODULE)) {
			throw new StackException("--lb gateway-njs needs nginx's njs module (" + NJS_MODULE
					+ "). Install it: sudo apt-get install -y libnginx-mod-http-js");
		}
	}
}
