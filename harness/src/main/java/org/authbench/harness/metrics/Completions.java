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
 * The simulation's {@code completions.json}: its completed requests per outcome class, by the
 * wall-clock millisecond each was sent ({@link AccessLog.Stamp#SENT}, {@code "time":"sent"}), or in
 * files written before that, by the millisecond each completed. Each request carries its send
 * stamp to nginx, which logs it; counting both sources by that one stamp over the same
 * {@code [from, to)} makes them count the same requests. By completion, the simulation's clock
 * reached an edge up to 200 ms after nginx's whenever its JVM stalled there (1% of a drill's
 * requests). The per-second {@link Timeline} cannot do either for a window that does not end on
 * one of its seconds: it counts whole seconds, and the last one then reaches past the end.
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

	private final AccessLog.Stamp stamp;

	/** By completion time: the rows of a file written before requests carried their send time. */
	public Completions(List<long[]> rows) {
		this(rows, AccessLog.Stamp.COMPLETED);
	}

	/**
	 * @param rows each {@code [epochMillis, ok, authLost, clientError, serverError, connectError, relogins]}
	 * @param stamp which time {@code epochMillis} is
	 */
	public Completions(List<long[]> rows, AccessLog.Stamp stamp) {
		this.stamp = stamp;
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
		String time = json.path("time").asString("completed");
		return Optional.of(new Completions(rows, switch (time) {
			case "sent" -> AccessLog.Stamp.SENT;
			case "completed" -> AccessLog.Stamp.COMPLETED;
			default -> throw new IllegalStateException(file + " counts by \"" + time + "\": expected sent or completed");
		}));
	}

	/** Which time the rows are by; nginx's log is then counted by the same. */
	public AccessLog.Stamp stamp() {
		return this.stamp;
	}

	/**
	 * Requests of {@code [fromMillis, toMillis)} by {@link #stamp()}, the edge rule of
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
