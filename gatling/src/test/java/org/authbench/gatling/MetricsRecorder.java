package org.authbench.gatling;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * The simulation's own metrics, independent of Gatling's reports (Gatling 3.13+ has no
 * machine-readable stats). Writes into {@code metricsDir}:
 * <ul>
 * <li>{@code latency.hlog}: an HdrHistogram interval log, one interval per second and request
 * type (tag), latency in microseconds from the intended send time;</li>
 * <li>{@code events.jsonl}: phase events as they happen (warm-up windows, warm-up end, steps,
 * end), so the harness can sample CPU at the start of measurement;</li>
 * <li>{@code timeline.json}: per second, the count of each outcome and of re-logins;</li>
 * <li>{@code completions.json}: the same counts by the wall-clock millisecond each request was
 * sent, the stamp nginx logs too, so that a window counts the same requests in both sources
 * ({@link CompletionLedger});</li>
 * <li>{@code run.json}: settings, phase times and totals.</li>
 * </ul>
 */
final class MetricsRecorder implements AutoCloseable {

	static final long HIGHEST_MICROS = 120_000_000L;

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private static final ObjectMapper LINE = new ObjectMapper();

	private static final int RELOGIN = Outcome.values().length;

	private final LoadSettings settings;

	private final Phases phases;

	private final long startNanos = System.nanoTime();

	private final long startEpochMillis = System.currentTimeMillis();

	private final Map<RequestType, Recorder> recorders = new EnumMap<>(RequestType.class);

	private final Map<Integer, AtomicLongArray> seconds = new ConcurrentHashMap<>();

	private final CompletionLedger completions = new CompletionLedger();

	private final Map<Long, String> lastInstance = new ConcurrentHashMap<>();

	private final Map<Integer, Map<String, Long>> usersByInstance = new ConcurrentHashMap<>();

	/** When each second's snapshot of users was taken: the tick may run late, after a drill's event. */
	private final Map<Integer, Long> usersTakenAt = new ConcurrentHashMap<>();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "authbench-metrics");
		thread.setDaemon(true);
		return thread;
	});

	private final HistogramLogWriter log;

	private final PrintStream events;

	private long lastIntervalMillis;

	MetricsRecorder(LoadSettings settings, Workload.Model model) {
		this.settings = settings;
		this.phases = new Phases(settings, this.startNanos, model);
		for (RequestType type : RequestType.values()) {
			this.recorders.put(type, new Recorder(1, HIGHEST_MICROS, 3));
		}
		try {
			Files.createDirectories(settings.metricsDir());
			this.log = new HistogramLogWriter(settings.metricsDir().resolve("latency.hlog").toFile());
			this.events = new PrintStream(Files.newOutputStream(settings.metricsDir().resolve("events.jsonl")), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write metrics to " + settings.metricsDir(), ex);
		}
		this.log.outputLogFormatVersion();
		this.log.outputStartTime(this.startEpochMillis);
		this.log.setBaseTime(this.startEpochMillis);
		this.log.outputLegend();
		this.lastIntervalMillis = this.startEpochMillis;
		event("start", Map.of("settings", settings.describe()));
		this.ticker.scheduleAtFixedRate(this::writeIntervals, 1, 1, TimeUnit.SECONDS);
		// Phase changes are checked often, so the harness learns of the start of measurement quickly.
		this.ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
	}

	Phases phases() {
		return this.phases;
	}

	/**
	 * Records one request; latency counts from the intended send time (open) or the send (closed),
	 * {@code sentEpochMillis} is when it was sent on the wall clock.
	 */
	void record(RequestType type, Outcome outcome, long startNanos, long endNanos, long sentEpochMillis) {
		long micros = Math.max(1, Math.min(HIGHEST_MICROS, (endNanos - startNanos) / 1000));
		this.recorders.get(type).recordValue(micros);
		second(endNanos).incrementAndGet(outcome.ordinal());
		this.completions.completed(outcome, sentEpochMillis);
	}

	/**
	 * Which instance last answered each user successfully. For sticky sessions that is the
	 * instance holding the user's session: a snapshot of it per second tells, at a drill event,
	 * how many sessions lived on the instance that was killed.
	 */
	void servedBy(long userId, String instance) {
		this.lastInstance.put(userId, instance);
	}

	/** A re-login forced by the request sent at {@code sentEpochMillis}, which lost its session. */
	void relogin(long nanos, long sentEpochMillis) {
		second(nanos).incrementAndGet(RELOGIN);
		this.completions.relogin(sentEpochMillis);
	}

	private AtomicLongArray second(long nanos) {
		int second = (int) ((nanos - this.startNanos) / 1_000_000_000L);
		return this.seconds.computeIfAbsent(second, s -> new AtomicLongArray(RELOGIN + 1));
	}

	private synchronized void tick() {
		try {
			long now = System.nanoTime();
			boolean wasWarm = this.phases.warmedUp(now);
			long windowStart = this.phases.windowStartNanos();
			long window = this.phases.tick(now, end -> okBetween(windowStart, end));
			if (window >= 0) {
				event("warmup-window", Map.of("ok", window));
			}
			readExtension(now);
			if (!wasWarm && this.phases.warmedUp(now)) {
				// The boundary itself, not the moment it was noticed: it is aligned with the time line's seconds.
				long boundary = this.startEpochMillis + (this.phases.warmupEndNanos() - this.startNanos) / 1_000_000;
				event("measure-start", Map.of("warmupBoundHit", this.phases.warmupBoundHit(), "atSecond",
						secondsSinceStart(this.phases.warmupEndNanos()), "boundaryEpochMillis", boundary));
			}
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
		}
	}

	/**
	 * The harness's request for a longer last step ({@link Phases#EXTENSION_FILE}), if it made one:
	 * looked for only while the measurement runs, the only time the harness writes it.
	 */
	private void readExtension(long now) {
		if (!this.phases.warmedUp(now) || this.phases.finished(now)) {
			return;
		}
		Path file = this.settings.metricsDir().resolve(Phases.EXTENSION_FILE);
		if (!Files.exists(file)) {
			return;
		}
		try {
			String text = Files.readString(file).trim();
			if (!text.isEmpty() && this.phases.extendLastStep(Long.parseLong(text), now)) {
				event("extended", Map.of("lastStepExtendedMillis", this.phases.extensionMillis()));
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Written by the harness in one move; a reading that fails is read again 100 ms later.
		}
	}

	private Map<String, Long> instanceCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.lastInstance.values().forEach(instance -> counts.merge(instance, 1L, Long::sum));
		return counts;
	}

	private long okBetween(long fromNanos, long toNanos) {
		int from = (int) ((fromNanos - this.startNanos) / 1_000_000_000L);
		int to = (int) ((toNanos - this.startNanos) / 1_000_000_000L);
		long ok = 0;
		for (int s = from; s < to; s++) {
			AtomicLongArray counts = this.seconds.get(s);
			ok += counts == null ? 0 : counts.get(Outcome.OK.ordinal());
		}
		return ok;
	}

	private synchronized void writeIntervals() {
		long now = System.currentTimeMillis();
		int second = (int) ((System.nanoTime() - this.startNanos) / 1_000_000_000L) - 1;
		this.usersByInstance.put(second, instanceCounts());
		this.usersTakenAt.put(second, now);
		for (RequestType type : RequestType.values()) {
			Histogram interval = this.recorders.get(type).getIntervalHistogram();
			if (interval.getTotalCount() > 0) {
				interval.setStartTimeStamp(this.lastIntervalMillis);
				interval.setEndTimeStamp(now);
				interval.setTag(type.tag());
				this.log.outputIntervalHistogram(interval);
			}
		}
		this.lastIntervalMillis = now;
	}

	synchronized void event(String name, Map<String, Object> details) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("event", name);
		line.put("epochMillis", System.currentTimeMillis());
		line.put("second", secondsSinceStart(System.nanoTime()));
		line.putAll(details);
		try {
			this.events.println(LINE.writeValueAsString(line));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private double secondsSinceStart(long nanos) {
		return Math.round((nanos - this.startNanos) / 1e6) / 1000.0;
	}

	@Override
	public synchronized void close() {
		this.ticker.shutdownNow();
		writeIntervals();
		event("end", Map.of());
		this.events.close();
		try {
			JSON.writeValue(this.settings.metricsDir().resolve("timeline.json").toFile(), timeline());
			this.completions.write(this.settings.metricsDir().resolve("completions.json"));
			JSON.writeValue(this.settings.metricsDir().resolve("run.json").toFile(), run());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Map<String, Object>> timeline() {
		int last = this.seconds.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int s = 0; s <= last; s++) {
			AtomicLongArray counts = this.seconds.getOrDefault(s, new AtomicLongArray(RELOGIN + 1));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("second", s);
			row.put("epochMillis", this.startEpochMillis + s * 1000L);
			for (Outcome outcome : Outcome.values()) {
				row.put(outcome.key(), counts.get(outcome.ordinal()));
			}
			row.put("relogins", counts.get(RELOGIN));
			row.put("usersByInstance", this.usersByInstance.getOrDefault(s, Map.of()));
			row.put("usersTakenAtMillis", this.usersTakenAt.get(s));
			rows.add(row);
		}
		return rows;
	}

	private Map<String, Object> run() {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("startEpochMillis", this.startEpochMillis);
		run.put("settings", this.settings.describe());
		run.put("warmupSeconds", this.phases.warmupEndNanos() == Long.MAX_VALUE ? null
				: secondsSinceStart(this.phases.warmupEndNanos()));
		run.put("warmupBoundHit", this.phases.warmupBoundHit());
		run.put("stepSeconds", this.settings.stepDuration().toMillis() / 1000.0);
		run.put("lastStepExtendedMillis", this.phases.extensionMillis());
		return run;
	}
}
