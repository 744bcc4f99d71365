package org.authbench.harness.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.authbench.harness.metrics.AccessLog;
import org.authbench.harness.metrics.Completions;
import org.authbench.harness.metrics.LatencyLog;

/**
 * A run's recordings written the way the simulation writes them ({@code timeline.json} per
 * second from its start, {@code completions.json} per millisecond, {@code latency.hlog}), with
 * nginx's access log of the same requests, built from a list of requests.
 */
final class RecordedRun {

	/**
	 * One request as both sources see it: when the simulation sent it, when it completed (nginx's
	 * {@code msec}), when the simulation noticed the answer (later when its JVM stalled), and how.
	 */
	record Request(long sentMillis, long completedMillis, long recordedMillis, Outcome outcome, boolean login,
			int status) {

		Request(long sentMillis, long completedMillis, Outcome outcome, boolean login, int status) {
			this(sentMillis, completedMillis, completedMillis, outcome, login, status);
		}
	}

	/** A re-login: when the simulation decided it, and when the request that lost its session was sent. */
	record Relogin(long decidedMillis, long sentMillis) {
	}

	/** The outcome classes, in the column order of the time line and the ledger. */
	enum Outcome {

		OK, AUTH_LOST, CLIENT_ERROR, SERVER_ERROR, CONNECT_ERROR

	}

	private final long originMillis;

	private final List<Request> requests;

	private final List<Relogin> relogins;

	RecordedRun(long originMillis, List<Request> requests, List<Relogin> relogins) {
		this.originMillis = originMillis;
		this.requests = List.copyOf(requests);
		this.relogins = List.copyOf(relogins);
	}

	/**
	 * 60 paced users at 300 requests/s from {@code origin + 500 ms} (each every 200 ms, user u at
	 * offset {@code u * 200 / 60} ms), 2 ms per request; app-2 killed 4.5 s after {@code start}.
	 * Every user sends its last request at its first slot at or after {@code end}.
	 */
	static RecordedRun failoverDrill(long start, long end) {
		long origin = RunAnalysisTests.T0;
		long kill = start + 4_500;
		List<Request> requests = new ArrayList<>();
		List<Relogin> relogins = new ArrayList<>();
		for (int user = 0; user < 60; user++) {
			boolean onApp2 = user % 2 == 1;
			boolean lost = false;
			for (long slot = origin + 500 + user * 200 / 60;; slot += 200) {
				long latency = 2;
				if (slot == origin + 8_900) {
					// in flight across the start: completes at the start's millisecond exactly (counted)…
					latency = 100;
				}
				else if (slot == origin + 8_903) {
					// …and one millisecond before it (not counted)
					latency = 96;
				}
				long done = slot + latency;
				if (user == 5 && slot < kill && slot + 200 >= kill) {
					// a POST in flight on app-2 when it was killed: not retried, 502
					requests.add(new Request(slot, kill + 1, Outcome.SERVER_ERROR, false, 502));
				}
				else if (onApp2 && !lost && slot >= kill) {
					// the session lived on app-2: 401, then a new login
					lost = true;
					requests.add(new Request(slot, done, Outcome.AUTH_LOST, false, 401));
					relogins.add(new Relogin(done, slot));
					requests.add(new Request(done + 1, done + 5, Outcome.OK, true, 200));
				}
				else {
					requests.add(new Request(slot, done, Outcome.OK, false, 200));
				}
				if (slot >= end) {
					break;
				}
			}
		}
		return new RecordedRun(origin, requests, relogins);
	}

	/**
	 * The same run with the simulation's JVM stalled over {@code [fromMillis, toMillis)}: it notices
	 * the answers that completed then only at {@code toMillis}.
	 */
	RecordedRun stalled(long fromMillis, long toMillis) {
		return new RecordedRun(this.originMillis, this.requests.stream()
			.map(r -> r.completedMillis() >= fromMillis && r.completedMillis() < toMillis
					? new Request(r.sentMillis(), r.completedMillis(), toMillis, r.outcome(), r.login(), r.status()) : r)
			.toList(), this.relogins);
	}

	long completedIn(long fromMillis, long toMillis) {
		return this.requests.stream()
			.filter(r -> r.completedMillis() >= fromMillis && r.completedMillis() < toMillis)
			.count();
	}

	long sentIn(long fromMillis, long toMillis) {
		return this.requests.stream().filter(r -> r.sentMillis() >= fromMillis && r.sentMillis() < toMillis).count();
	}

	/**
	 * nginx's log: one line per request, stamped with the millisecond it ended, and with the
	 * simulation's send stamp when the requests carried it ({@link AccessLog.Stamp#SENT}).
	 */
	AccessLog nginx(AccessLog.Stamp stamp) {
		return new AccessLog(this.requests.stream()
			.map(r -> new AccessLog.Entry(r.completedMillis(), r.status(), r.login() ? "/api/auth/login" : "/api/me", 500,
					100, "GatlingHttpClient", stamp == AccessLog.Stamp.SENT ? r.sentMillis() : null))
			.toList());
	}

	/**
	 * Writes the recordings; the ledger by send time as the simulation writes it now
	 * ({@link AccessLog.Stamp#SENT}), or by the time it noticed each answer, as it did before.
	 */
	void write(Path dir, AccessLog.Stamp stamp) throws IOException {
		boolean bySent = stamp == AccessLog.Stamp.SENT;
		Map<Long, long[]> seconds = new TreeMap<>();
		Map<Long, long[]> millis = new TreeMap<>();
		for (Request request : this.requests) {
			count(seconds, second(request.recordedMillis()), request.outcome().ordinal());
			count(millis, bySent ? request.sentMillis() : request.recordedMillis(), request.outcome().ordinal());
		}
		for (Relogin relogin : this.relogins) {
			count(seconds, second(relogin.decidedMillis()), 5);
			count(millis, bySent ? relogin.sentMillis() : relogin.decidedMillis(), 5);
		}
		StringBuilder timeline = new StringBuilder("[");
		long last = seconds.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
		for (long s = 0; s <= last; s++) {
			long[] c = seconds.getOrDefault(s, new long[6]);
			timeline.append(s == 0 ? "" : ",")
				.append(("{\"second\":%d,\"epochMillis\":%d,\"ok\":%d,\"authLost\":%d,\"clientError\":%d,"
						+ "\"serverError\":%d,\"connectError\":%d,\"relogins\":%d,\"usersByInstance\":{}}")
					.formatted(s, this.originMillis + s * 1000, c[0], c[1], c[2], c[3], c[4], c[5]));
		}
		Files.writeString(dir.resolve("timeline.json"), timeline.append("]"));
		StringBuilder ledger = new StringBuilder((bySent ? "{\"time\":\"sent\"," : "{")
				+ "\"columns\":[\"ok\",\"authLost\",\"clientError\",\"serverError\",\"connectError\",\"relogins\"],\n\"rows\":[");
		String separator = "\n";
		for (Map.Entry<Long, long[]> row : millis.entrySet()) {
			long[] c = row.getValue();
			ledger.append(separator)
				.append("[%d,%d,%d,%d,%d,%d,%d]".formatted(row.getKey(), c[0], c[1], c[2], c[3], c[4], c[5]));
			separator = ",\n";
		}
		Files.writeString(dir.resolve(Completions.FILE), ledger.append("\n]}\n"));
		try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")))) {
			HistogramLogWriter writer = new HistogramLogWriter(out);
			writer.outputStartTime(this.originMillis);
			writer.setBaseTime(this.originMillis);
			for (long s = 0; s <= last; s++) {
				long[] c = seconds.getOrDefault(s, new long[6]);
				long count = c[0] + c[1] + c[2] + c[3] + c[4];
				if (count > 0) {
					Histogram me = new Histogram(1, LatencyLog.HIGHEST_MICROS, 3);
					me.recordValueWithCount(2000, count);
					me.setStartTimeStamp(this.originMillis + s * 1000);
					me.setEndTimeStamp(this.originMillis + (s + 1) * 1000);
					me.setTag("me");
					writer.outputIntervalHistogram(me);
				}
			}
		}
	}

	private long second(long epochMillis) {
		return (epochMillis - this.originMillis) / 1000;
	}

	private static void count(Map<Long, long[]> buckets, long key, int column) {
		buckets.computeIfAbsent(key, k -> new long[6])[column]++;
	}
}
