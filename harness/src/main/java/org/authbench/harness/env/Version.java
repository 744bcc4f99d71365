package org.authbench.harness.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * authbench's version: the root pom's, written into the harness by the build (resource
 * filtering), so that the CLI and the image tags never name it themselves.
 */
public final class Version {

	private static final String RESOURCE = "version.properties";

	private static final String CURRENT = load();

	private Version() {
	}

	/** For example {@code 0.1.0-SNAPSHOT}. */
	public static String current() {
		return CURRENT;
	}

	private static String load() {
		try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("org/authbench/harness/env/" + RESOURCE + " is not on the class path");
			}
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version", "");
			if (version.isBlank() || version.contains("@")) {
				throw new IllegalStateException("the harness was built without its version (resource filtering): " + version);
			}
			return version.trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
