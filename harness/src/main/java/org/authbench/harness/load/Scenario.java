package org.authbench.harness.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The load scenarios of docs/design.md §5 that {@code run} drives; each is one simulation of the
 * {@code gatling} module. Drills run under {@link #STEADY}.
 */
public enum Scenario {

	/** Closed model, concurrency ladder: maximum sustained request rate. */
	THROUGHPUT("ThroughputSimulation", false),
	/** Open model, arrival-rate ladder: latency percentiles at each rate. */
	LATENCY("LatencySimulation", true),
	/** Open model at one rate: the load drills run under. */
	STEADY("SteadySimulation", true);

	private final String simulation;

	private final boolean open;

	Scenario(String simulation, boolean open) {
		this.simulation = simulation;
		this.open = open;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String simulation() {
		return this.simulation;
	}

	/** Open model: the ladder is arrival rates (requests/s); closed: concurrent users. */
	public boolean open() {
		return this.open;
	}

	/** The ladder when none is given, from {@link LoadDefaults}. */
	public List<Integer> defaultLadder() {
		return LoadDefaults.ladder(this);
	}

	public static Scenario parse(String id) {
		return Arrays.stream(values())
			.filter(s -> s.id().equals(id.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no scenario '" + id + "'; scenarios: "
					+ Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "))));
	}
}
