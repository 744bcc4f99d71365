package org.authbench.harness.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulation's {@code completions.json}: its requests by the millisecond they completed, on
 * the wall clock, per outcome class. nginx's access log stamps each request with the wall-clock
 * time it ended ({@code $msec}); counting both sources by completion time over the same
 * {@code [from, to)} makes them count the same requests. The per-second {@link Timeline} cannot
 * do that for a window that does not end on one of its seconds: it counts whole seconds, and the
 * last one then reaches past the end, into the last requests the paced users send after it.
 */
public final class Completions {

	/** The file name in the simulation's metrics folder. */
	public static final String FILE = "completions.json";

	static final List<String> COLUMNS = List.of("ok", "authLost", "clientError", "serverError", "connectError",
			"relogins");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Epoch milliseconds, ascending. */
	private final long[] millis;

	/** Per row, the counts in the order of {@link #COLUMNS}. */
	private final long[][] counts;

	/** @param rows each {@code [epochMillis, ok, authLost, clientError, serverError, connectError, relogins]} */
	public Completions(List<long[]> rows) {
		List<long[]> sorted = new ArrayList<>(rows);
		sorted.sort((a, b) -> Long.compare(a[0], b[0]));
		this.millis = new long[sorted.size()];
		this.counts = new long[sorted.size()][];
		for (int i = 0; i < sorted.size(); i++) {
			long[] row = sorted.get(i);
			if (row.length != COLUMNS.size() + 1) {
				throw new IllegalArgumentException("a completions row has epochMillis and " + COLUMNS.size()
						+ " counts, was " + Arrays.toString(row));
			}
			this.millis[i] = row[0];
			this.counts[i] = Arrays.copyOfRange(row, 1, row.length);
		}
	}

	/** The ledger of a metrics folder; empty for runs recorded before the simulation wrote one. */
	public static Optional<Completions> read(Path metricsDir) {
		Path file = metricsDir.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		JsonNode json = JSON.readTree(file.toFile());
		List<String> columns = new ArrayList<>();
		json.get("columns").forEach(column -> columns.add(column.asString()));
		if (!columns.equals(COLUMNS)) {
			throw new IllegalStateException(file + " has columns " + columns + ", expected " + COLUMNS);
		}
		List<long[]> rows = new ArrayList<>();
		for (JsonNode row : json.get("rows")) {
			long[] values = new long[row.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = row.get(i).asLong();
			}
			rows.add(values);
		}
		return Optional.of(new Completions(rows));
	}

	/**
	 * Requests completed in {@code [fromMillis, toMillis)}, the edge rule of
	 * {@link AccessLog#window}; as a {@link Timeline.Second} starting at {@code fromMillis}.
	 */
	public Timeline.Second totals(long fromMillis, long toMillis) {
		long[] sum = new long[COLUMNS.size()];
		int i = firstAtOrAfter(fromMillis);
		for (; i < this.millis.length && this.millis[i] < toMillis; i++) {
			for (int c = 0; c < sum.length; c++) {
				sum[c] += this.counts[i][c];
			}
		}
		return new Timeline.Second(-1, fromMillis, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], Map.of());
	}

	private int firstAtOrAfter(long epochMillis) {
		int found = Arrays.binarySearch(this.millis, epochMillis);
		if (found < 0) {
			return -found - 1;
		}
		// Rows built by hand may repeat a millisecond: start at its first.
		while (found > 0 && this.millis[found - 1] == epochMillis) {
			found--;
		}
		return found;
	}
}
