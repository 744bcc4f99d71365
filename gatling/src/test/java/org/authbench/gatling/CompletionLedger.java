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
 * Every completed request by the millisecond it completed, per outcome class, and the
 * re-logins: {@code completions.json}. The time is the wall clock
 * ({@link System#currentTimeMillis()}), the time base of nginx's {@code $msec}, so the harness
 * counts any window {@code [from, to)} of both sources by the same clock and the same edge rule.
 * The per-second time line cannot: a window that does not end on a whole second would take in
 * or leave out up to a second of requests that nginx counts otherwise.
 *
 * <p>The file: {@code {"columns":["ok",…,"relogins"],"rows":[[epochMillis,ok,…,relogins],…]}},
 * one row per millisecond in which something completed, in time order.
 */
final class CompletionLedger {

	/** Outcome classes by ordinal, then re-logins. */
	static final int COLUMNS = Outcome.values().length + 1;

	static final int RELOGINS = Outcome.values().length;

	private final Map<Long, AtomicLongArray> millis = new ConcurrentHashMap<>();

	/** One completed request of this outcome, now. */
	void completed(Outcome outcome) {
		row(System.currentTimeMillis()).incrementAndGet(outcome.ordinal());
	}

	/** One re-login forced by a lost session, now. */
	void relogin() {
		row(System.currentTimeMillis()).incrementAndGet(RELOGINS);
	}

	private AtomicLongArray row(long epochMillis) {
		return this.millis.computeIfAbsent(epochMillis, m -> new AtomicLongArray(COLUMNS));
	}

	void write(Path file) {
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("{\"columns\":[\"" + String.join("\",\"", columns()) + "\"],\n\"rows\":[");
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
