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
 *
 * <p>The simulation sends each request's send time, in wall-clock milliseconds, as
 * {@value #SENT_HEADER}, and nginx logs it as {@code sent}. A window {@link Stamp#SENT by that
 * stamp} counts exactly the requests the simulation counts in it; a request without the stamp is
 * not the simulation's (the probe's, the harness's readiness checks) and is counted apart.
 */
public final class AccessLog {

	/** The {@code User-Agent} of the harness's own probe requests. */
	public static final String PROBE_AGENT = "authbench-probe";

	/** The header that carries the simulation's send time; nginx logs it as {@code sent}. */
	public static final String SENT_HEADER = "X-Authbench-Sent";

	/** Which time puts a request in a window. */
	public enum Stamp {

		/** When it completed: nginx's {@code msec}, the simulation's time of the answer (older runs). */
		COMPLETED,

		/** When the simulation sent it: its {@value #SENT_HEADER} stamp, which nginx logs as {@code sent}. */
		SENT

	}

	/**
	 * One logged request; {@code agent} is its {@code User-Agent} ("" when none was logged),
	 * {@code sentMillis} the simulation's send stamp (null when the request carried none).
	 */
	public record Entry(long epochMillis, int status, String uri, long bytesSent, long requestLength, String agent,
			Long sentMillis) {

		public Entry(long epochMillis, int status, String uri, long bytesSent, long requestLength, String agent) {
			this(epochMillis, status, uri, bytesSent, requestLength, agent, null);
		}

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
	 * own requests completed in it, counted apart (by {@link Stamp#COMPLETED}: the probe's; by
	 * {@link Stamp#SENT}: every request without the simulation's stamp).
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
		String sent = json.path("sent").asString("");
		return new Entry(millis, json.get("status").asInt(), json.path("uri").asString(""),
				json.path("bytes_sent").asLong(0), json.path("request_length").asLong(0), json.path("agent").asString(""),
				sentMillis(sent));
	}

	/** The send stamp as logged; null when the request had none or it is not a number. */
	private static Long sentMillis(String logged) {
		if (logged.isEmpty() || logged.length() > 18 || !logged.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(logged);
	}

	public List<Entry> entries() {
		return this.entries;
	}

	/** Requests completed in {@code [fromMillis, toMillis)}, the probe's apart. */
	public Window window(long fromMillis, long toMillis) {
		return window(fromMillis, toMillis, Stamp.COMPLETED);
	}

	/**
	 * Requests of {@code [fromMillis, toMillis)} by the given stamp. By {@link Stamp#SENT}, those the
	 * simulation sent in it; the requests without its stamp that completed in it are counted apart.
	 */
	public Window window(long fromMillis, long toMillis, Stamp stamp) {
		long requests = 0;
		long sent = 0;
		long received = 0;
		long serverErrors = 0;
		long probes = 0;
		for (Entry entry : this.entries) {
			boolean own = stamp == Stamp.SENT ? entry.sentMillis() == null : entry.probe();
			long at = stamp == Stamp.SENT && !own ? entry.sentMillis() : entry.epochMillis();
			if (at < fromMillis || at >= toMillis) {
				continue;
			}
			if (own) {
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
