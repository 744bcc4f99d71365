package org.authbench.harness.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The load defaults every entry point shares ({@code run}, {@code compare}, {@code trial}, the
 * deploy files): the ladders, the open model's population, the request mix and the warm-up. They
 * come from {@code org/authbench/load-defaults.properties}, the file the Gatling simulations read
 * when run alone; the harness jar carries that same file (harness/pom.xml), so the two cannot
 * drift apart.
 */
public final class LoadDefaults {

	public static final String RESOURCE = "org/authbench/load-defaults.properties";

	private static final Properties VALUES = load();

	private LoadDefaults() {
	}

	/** The default ladder of a scenario: concurrent users (closed model) or requests/s (open). */
	public static List<Integer> ladder(Scenario scenario) {
		return Arrays.stream(value(scenario.id() + ".ladder").split(",")).map(s -> Integer.valueOf(s.trim())).toList();
	}

	/** Paced users of the open model, sharing its rate. */
	public static int population() {
		return Integer.parseInt(value("population"));
	}

	/** The request mix, e.g. {@code me=40,items=40,write=20}. */
	public static String mix() {
		return value("mix");
	}

	public static Duration warmupWindow() {
		return Duration.ofSeconds(Long.parseLong(value("warmup.window.seconds")));
	}

	public static Duration warmupMax() {
		return Duration.ofSeconds(Long.parseLong(value("warmup.max.seconds")));
	}

	private static String value(String key) {
		String value = VALUES.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(RESOURCE + " has no '" + key + "'");
		}
		return value.trim();
	}

	private static Properties load() {
		try (InputStream in = LoadDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path: the harness jar is built without "
						+ "it (harness/pom.xml copies it from gatling/src/test/resources)");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
