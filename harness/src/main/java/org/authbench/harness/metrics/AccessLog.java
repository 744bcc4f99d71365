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
 *
 * <p>The harness's own requests through nginx during a run (a drill's probe logging users in and
 * checking their sessions) carry the {@link #PROBE_AGENT} user agent; they are not the
 * simulation's, so a window counts them apart from the requests it compares.
 */
public final class AccessLog {

	/** The {@code User-Agent} of the harness's own probe requests. */
	public static final String PROBE_AGENT = "authbench-probe";

	/** One logged request; {@code agent} is its {@code User-Agent} ("" when none was logged). */
	public record Entry(long epochMillis, int status, String uri, long bytesSent, long requestLength, String agent) {

		public Entry(long epochMillis, int status, String uri, long bytesSent, long requestLength) {
			this(epochMillis, status, uri, bytesSent, requestLength, "");
		}

		/** Sent by the harness's probe, not by the load generator. */
		public boolean probe() {
			return this.agent.startsWith(PROBE_AGENT);
		}
	}

	/**
	 * Requests and bytes of a window, the load generator's; {@code probeRequests} the harness's
	 * probe requests completed in it, counted apart.
	 */
	public record Window(long requests, long bytesSent, long requestBytes, long serverErrors, long probeRequests) {
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
				json.path("bytes_sent").asLong(0), json.path("request_length").asLong(0), json.path("agent").asString(""));
	}

	public List<Entry> entries() {
		return this.entries;
	}

	/** Requests completed in {@code [fromMillis, toMillis)}, the probe's apart. */
	public Window window(long fromMillis, long toMillis) {
		long requests = 0;
		long sent = 0;
		long received = 0;
		long serverErrors = 0;
		long probes = 0;
		for (Entry entry : this.entries) {
			if (entry.epochMillis() < fromMillis || entry.epochMillis() >= toMillis) {
				continue;
			}
			if (entry.probe()) {
				probes++;
			}
			else {
				requests++;
				sent += entry.bytesSent();
				received += entry.requestLength();
				serverErrors += entry.status() >= 500 ? 1 : 0;
			}
		}
		return new Window(requests, sent, received, serverErrors, probes);
	}

	/**
	 * Relative gap between two counts of the same requests, |a - b| / max(a, b); 0 when both are 0.
	 */
	public static double disagreement(long a, long b) {
		long max = Math.max(a, b);
		return max == 0 ? 0 : Math.abs(a - b) / (double) max;
	}
}
