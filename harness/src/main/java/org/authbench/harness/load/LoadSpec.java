package org.authbench.harness.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.authbench.harness.drill.Drill;
import org.authbench.harness.stack.StackSpec;

/**
 * One load run: the stack to start, the scenario and its load, how often to repeat it, where
 * the results go.
 *
 * @param stack the stack each repeat starts (a fresh one per repeat: repeats are independent)
 * @param scenario the load model
 * @param ladder concurrent users (closed) or requests/s (open), one per step
 * @param duration measured time in total, split evenly over the ladder steps
 * @param population paced users of the open model (each sends at rate ÷ population)
 * @param warmupWindow warm-up windows…
 * @param warmupMax …until two agree within 5%, at most this long
 * @param mix request mix, e.g. {@code me=40,items=40,write=20}
 * @param repeats how many times to run it
 * @param resultsDir the folder {@code results/<timestamp>-<name>} goes into
 * @param name the run's name
 * @param drill events during the load, or null
 * @param generatorOptions JVM options of the load generator's JVM besides its own
 * ({@link GatlingRunner#JVM_OPTIONS}); empty for the JVM's defaults
 */
public record LoadSpec(StackSpec stack, Scenario scenario, List<Integer> ladder, Duration duration, int population,
		Duration warmupWindow, Duration warmupMax, String mix, int repeats, Path resultsDir, String name, Drill drill,
		List<String> generatorOptions) {

	public LoadSpec {
		ladder = List.copyOf(ladder);
		generatorOptions = List.copyOf(generatorOptions);
		if (ladder.isEmpty() || ladder.stream().anyMatch(v -> v <= 0)) {
			throw new IllegalArgumentException("the load ladder needs positive values, was " + ladder);
		}
		if (repeats < 1 || repeats > 30) {
			throw new IllegalArgumentException("--repeat must be 1..30, was " + repeats);
		}
		if (duration.toMillis() < 1000L * ladder.size()) {
			throw new IllegalArgumentException("--duration must give each ladder step at least 1 s, was " + duration);
		}
		if (drill != null) {
			List<String> unfit = drill.unfitFor(stack.instances(),
					!stack.variant().usesRedis() ? 0 : stack.redisHa() ? 2 : 1, stack.redisHa() ? StackSpec.SENTINELS : 0);
			if (!unfit.isEmpty()) {
				throw new IllegalArgumentException(String.join("; ", unfit));
			}
		}
	}

	/** A run whose load generator starts with the JVM's defaults. */
	public LoadSpec(StackSpec stack, Scenario scenario, List<Integer> ladder, Duration duration, int population,
			Duration warmupWindow, Duration warmupMax, String mix, int repeats, Path resultsDir, String name, Drill drill) {
		this(stack, scenario, ladder, duration, population, warmupWindow, warmupMax, mix, repeats, resultsDir, name, drill,
				List.of());
	}

	public Duration stepDuration() {
		return this.duration.dividedBy(this.ladder.size());
	}

	/** The simulation's system properties ({@code -D…}), without {@code metricsDir} (the runner adds it). */
	public Map<String, String> simulationProperties(String baseUrl) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("baseUrl", baseUrl);
		properties.put("credential", this.stack.variant().credential().name().toLowerCase());
		properties.put("users", String.valueOf(this.scenario.open() ? this.population
				: this.ladder.stream().mapToInt(Integer::intValue).max().orElseThrow()));
		properties.put("ladder", String.join(",", this.ladder.stream().map(String::valueOf).toList()));
		properties.put("stepDuration", seconds(stepDuration()));
		properties.put("warmupWindow", seconds(this.warmupWindow));
		properties.put("warmupMax", seconds(this.warmupMax));
		properties.put("mix", this.mix);
		return properties;
	}

	private static String seconds(Duration duration) {
		return String.valueOf(duration.toMillis() / 1000.0);
	}

	/** Every setting, for env.json and summary.json. */
	public Map<String, Object> describe() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("variant", this.stack.variant().id());
		settings.put("lb", this.stack.lb().id());
		settings.put("instances", this.stack.instances());
		settings.put("scenario", this.scenario.id());
		settings.put(this.scenario.open() ? "ratesPerSecond" : "concurrentUsers", this.ladder);
		settings.put("measuredSeconds", this.duration.toMillis() / 1000.0);
		if (this.scenario.open()) {
			settings.put("population", this.population);
		}
		settings.put("warmupWindowSeconds", this.warmupWindow.toMillis() / 1000.0);
		settings.put("warmupMaxSeconds", this.warmupMax.toMillis() / 1000.0);
		settings.put("mix", this.mix);
		settings.put("repeats", this.repeats);
		settings.put("hashCost", this.stack.hashCost() == 0 ? 10 : this.stack.hashCost());
		settings.put("appEnv", redacted(this.stack.appEnv()));
		settings.put("nginx", Map.of("connectTimeout", this.stack.connectTimeout().toString(), "readTimeout",
				this.stack.readTimeout().toString(), "tries", this.stack.tries(), "failTimeout",
				this.stack.failTimeout().toString(), "maxFails", this.stack.maxFails()));
		settings.put("redisPersistence", this.stack.redisPersistence());
		if (this.drill != null) {
			settings.put("drill", Map.of("name", this.drill.name(), "timeline", this.drill.describe()));
		}
		if (!this.generatorOptions.isEmpty()) {
			settings.put("loadGeneratorJvmOptions", this.generatorOptions);
		}
		return settings;
	}

	private static Map<String, String> redacted(Map<String, String> env) {
		Map<String, String> safe = new LinkedHashMap<>();
		env.forEach((key, value) -> safe.put(key, key.contains("SECRET") || key.contains("PASSWORD") ? "***" : value));
		return safe;
	}
}
