package org.authbench.harness.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulation's {@code events.jsonl}, read while it runs (to start CPU and Redis sampling at
 * the start of measurement) and after it ended (for the window).
 */
public final class RunEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> events;

	private RunEvents(List<JsonNode> events) {
		this.events = events;
	}

	public static RunEvents read(Path metricsDir) {
		Path file = metricsDir.resolve("events.jsonl");
		if (!Files.isRegularFile(file)) {
			return new RunEvents(List.of());
		}
		try {
			return new RunEvents(Files.readAllLines(file)
				.stream()
				.filter(line -> line.endsWith("}"))
				.map(line -> (JsonNode) JSON.readTree(line))
				.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<JsonNode> last(String name) {
		JsonNode found = null;
		for (JsonNode event : this.events) {
			if (name.equals(event.path("event").asString())) {
				found = event;
			}
		}
		return Optional.ofNullable(found);
	}

	/** Epoch milliseconds at which measurement started (warm-up ended), if it has. */
	public Optional<Long> measureStartMillis() {
		return last("measure-start").map(event -> event.has("boundaryEpochMillis")
				? event.get("boundaryEpochMillis").asLong() : event.get("epochMillis").asLong());
	}

	public boolean warmupBoundHit() {
		return last("measure-start").map(event -> event.path("warmupBoundHit").asBoolean()).orElse(false);
	}

	public Optional<Long> endMillis() {
		return last("end").map(event -> event.get("epochMillis").asLong());
	}

	public long warmupWindows() {
		return this.events.stream().filter(event -> "warmup-window".equals(event.path("event").asString())).count();
	}
}
