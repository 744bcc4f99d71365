package org.authbench.gatling;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every completed request by the wall-clock millisecond it was <em>sent</em>, per outcome class,
 * and the re-logins (by the send time of the request that lost its session):
 * {@code completions.json}. Each request carries that millisecond in its
 * {@value Workload#SENT_HEADER} header and nginx logs it, so the harness counts any window
 * {@code [from, to)} of both sources by one stamp and they count the same requests. Counted by
 * completion instead, the two clocks disagreed at an edge whenever the simulation's JVM stalled
 * there: requests nginx had logged before the edge reached the simulation up to 200 ms after it.
 *
 * <p>The file: {@code {"time":"sent","columns":["ok",…,"relogins"],"rows":[[epochMillis,ok,…,relogins],…]}},
 * one row per millisecond in which something was sent, in time order.
 */
final class CompletionLedger {

	/** Outcome classes by ordinal, then re-logins. */
	static final int COLUMNS = Outcome.values().length + 1;

	static final int RELOGINS = Outcome.values().length;

	private final Map<Long, AtomicLongArray> millis = new ConcurrentHashMap<>();

	/** One completed request of this outcome, sent at {@code sentEpochMillis}. */
	void completed(Outcome outcome, long sentEpochMillis) {
		row(sentEpochMillis).incrementAndGet(outcome.ordinal());
	}

	/** One re-login forced by a lost session, of the request sent at {@code sentEpochMillis}. */
	void relogin(long sentEpochMillis) {
		row(sentEpochMillis).incrementAndGet(RELOGINS);
	}

	private AtomicLongArray row(long epochMillis) {
		return this.millis.computeIfAbsent(epochMillis, m -> new AtomicLongArray(COLUMNS));
	}

	void write(Path file) {
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("{\"time\":\"sent\",\"columns\":[\"" + String.join("\",\"", columns()) + "\"],\n\"rows\":[");
			String separator = "\n";
			for (Map.Entry<Long, AtomicLongArray> row : new TreeMap<>(this.millis).entrySet()) {
				StringBuilder line = new StringBuilder(separator).append('[').append(row.getKey());
				for (int c = 0; c < COLUMNS; c++) {
					line.append(',').append(row.getValue().get(c));
				}
				out.write(line.append(']').toString());
				separator = ",\n";
			}
			out.write("\n]}\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/** The outcome classes' keys as in timeline.json, then {@code relogins}. */
	static List<String> columns() {
		List<String> names = new ArrayList<>();
		for (Outcome outcome : Outcome.values()) {
			names.add(outcome.key());
		}
		names.add("relogins");
		return names;
	}
}
