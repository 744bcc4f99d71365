package org.authbench.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every knob of a simulation, read from system properties with a default, so that
 * {@code ./mvnw -pl gatling gatling:test -Dgatling.simulationClass=… -DbaseUrl=…} works alone. The
 * defaults of the ladders, the population, the mix and the warm-up are the harness's own
 * ({@value #DEFAULTS}).
 *
 * @param baseUrl where nginx (or one instance) listens
 * @param credential how the variant's credential travels: {@code cookie}, {@code bearer}, {@code none}
 * @param users virtual users, each logged in once (closed model: the largest ladder step)
 * @param ladder concurrency steps (closed) or arrival rates in requests/s (open)
 * @param stepDuration how long each ladder step is measured
 * @param warmupWindow warm-up is measured in windows of this length…
 * @param warmupMax …and ends when it is steady ({@link Phases}), or at this bound
 * @param mix weights of the request types: me, items (reads) and write
 * @param userOffset the first seeded user is {@code user<offset+1>}
 * @param metricsDir where the metrics files go
 */
record LoadSettings(String baseUrl, String credential, int users, List<Integer> ladder, Duration stepDuration,
		Duration warmupWindow, Duration warmupMax, Map<String, Integer> mix, String password, int userOffset,
		Path metricsDir) {

	/** The defaults the harness uses too: one file for both (the harness jar carries it). */
	static final String DEFAULTS = "org/authbench/load-defaults.properties";

	/**
	 * @param scenario {@code throughput}, {@code latency} or {@code steady}: whose default ladder
	 */
	static LoadSettings fromSystemProperties(String scenario) {
		Properties defaults = defaults();
		return new LoadSettings(System.getProperty("baseUrl", "http://127.0.0.1:8080"),
				System.getProperty("credential", "cookie"),
				Integer.parseInt(System.getProperty("users", defaults.getProperty("population"))),
				integers(System.getProperty("ladder", defaults.getProperty(scenario + ".ladder"))),
				seconds("stepDuration", "20"), seconds("warmupWindow", defaults.getProperty("warmup.window.seconds")),
				seconds("warmupMax", defaults.getProperty("warmup.max.seconds")),
				weights(System.getProperty("mix", defaults.getProperty("mix"))),
				System.getProperty("password", "changeit"), Integer.getInteger("userOffset", 0),
				Path.of(System.getProperty("metricsDir", "target/authbench-metrics")));
	}

	private static Properties defaults() {
		try (InputStream in = LoadSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
			if (in == null) {
				throw new IllegalStateException(DEFAULTS + " is not on the class path");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Duration seconds(String name, String defaultSeconds) {
		return Duration.ofMillis((long) (Double.parseDouble(System.getProperty(name, defaultSeconds).trim()) * 1000));
	}

	static List<Integer> integers(String csv) {
		List<Integer> values = new ArrayList<>();
		for (String part : csv.split(",")) {
			int value = Integer.parseInt(part.trim());
			if (value <= 0) {
				throw new IllegalArgumentException("ladder steps must be positive: " + csv);
			}
			values.add(value);
		}
		return List.copyOf(values);
	}

	static Map<String, Integer> weights(String spec) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (String part : spec.split(",")) {
			String[] kv = part.split("=");
			if (kv.length != 2 || !List.of("me", "items", "write").contains(kv[0].trim())) {
				throw new IllegalArgumentException("mix must look like me=40,items=40,write=20, was: " + spec);
			}
			weights.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
		}
		if (weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
			throw new IllegalArgumentException("mix weights must add up to more than 0: " + spec);
		}
		return weights;
	}

	int maxLadder() {
		return this.ladder.stream().mapToInt(Integer::intValue).max().orElseThrow();
	}

	Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("baseUrl", this.baseUrl);
		map.put("credential", this.credential);
		map.put("users", this.users);
		map.put("ladder", this.ladder);
		map.put("stepDurationSeconds", this.stepDuration.toMillis() / 1000.0);
		map.put("warmupWindowSeconds", this.warmupWindow.toMillis() / 1000.0);
		map.put("warmupMaxSeconds", this.warmupMax.toMillis() / 1000.0);
		map.put("mix", this.mix);
		map.put("userOffset", this.userOffset);
		return map;
	}
}
