package org.authbench.harness.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * nginx's JSON access log of a run: the independent second source for request counts
 * (docs/metrics.md: the simulation's own count and nginx's must agree), and the bytes on the wire.
 * Reads the fields of the {@code authbench_json} log format in {@code nginx/common.conf}; the
 * time is {@code msec} (epoch seconds with milliseconds) when present, else {@code time}.
 */
public final class AccessLog {

	/** One logged request. */
	public record Entry(long epochMillis, int status, String uri, long bytesSent, long requestLength) {
	}

	/** Requests and bytes of a window. */
	public record Window(long requests, long bytesSent, long requestBytes, long serverErrors) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Entry> entries;

	public AccessLog(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	public static AccessLog read(Path file) {
		List<Entry> entries = new ArrayList<>();
		try (Stream<String> lines = Files.lines(file)) {
			lines.filter(line -> !line.isBlank()).forEach(line -> entries.add(parse(line)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read nginx access log " + file, ex);
		}
		return new AccessLog(entries);
	}

	static Entry parse(String line) {
		JsonNode json = JSON.readTree(line);
		long millis = json.has("msec") ? Math.round(json.get("msec").asDouble() * 1000)
				: OffsetDateTime.parse(json.get("time").asString()).toInstant().toEpochMilli();
		return new Entry(millis, json.get("status").asInt(), json.path("uri").asString(""),
				json.path("bytes_sent").asLong(0), json.path("request_length").asLong(0));
	}

	public List<Entry> entries() {
		return this.entries;
	}

	/** Requests completed in {@code [fromMillis, toMillis)}. */
	public Window window(long fromMillis, long toMillis) {
		long requests = 0;
		long sent = 0;
		long received = 0;
		long serverErrors = 0;
		for (Entry entry : this.entries) {
			if (entry.epochMillis() >= fromMillis && entry.epochMillis() < toMillis) {
				requests++;
				sent += entry.bytesSent();
				received += entry.requestLength();
				serverErrors += entry.status() >= 500 ? 1 : 0;
			}
		}
		return new Window(requests, sent, received, serverErrors);
	}

	/**
	 * Relative gap between two counts of the same requests, |a - b| / max(a, b); 0 when both are 0.
	 */
	public static double disagreement(long a, long b) {
		long max = Math.max(a, b);
		return max == 0 ? 0 : Math.abs(a - b) / (double) max;
	}
}
