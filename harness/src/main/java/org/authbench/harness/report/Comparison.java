package org.authbench.harness.report;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.metrics.Statistics;
import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.trial.Arrivals;
import org.authbench.harness.trial.TrialResult;

/**
 * {@code summary.json} of a comparison (schema {@value #SCHEMA}): one row per variant with the
 * architect's figures, the runs it was made from, and the per-second time lines of the drills.
 * Every number the reports show is in here; the reports are rendered from it alone.
 *
 * @param settings how the matrix was run (variants, scenarios, instances, repeats, quick)
 * @param machine a one-line description of the machine (from env.json)
 * @param rows one per variant, in the order run
 * @param runs every run of the matrix, with its folder relative to the comparison's
 * @param timelines the drills' time lines, for the charts
 * @param contextSizes the context-size scenario: one entry per variant and size (empty when not run)
 * @param revocations the revocation scenario: one result per variant (empty when not run)
 * @param trial how capacity and cost were measured when they came from an interleaved trial (null otherwise)
 */
public record Comparison(String schema, String name, String createdAt, Map<String, Object> settings, String machine,
		boolean valid, List<String> warnings, List<Row> rows, List<RunRef> runs, List<DrillTimeline> timelines,
		List<ContextSize> contextSizes, List<RevocationResult> revocations, Trial trial) {

	public Comparison {
		contextSizes = contextSizes == null ? List.of() : contextSizes;
		revocations = revocations == null ? List.of() : revocations;
	}

	public static final String SCHEMA = "authbench.comparison/1";

	/**
	 * When it was measured, as a reader wants it: {@code 2026-12-05 01:03:32}, to the second,
	 * from the ISO local date-time in {@code createdAt}; any other text as it is.
	 */
	public String measuredAt() {
		if (this.createdAt == null) {
			return "";
		}
		try {
			return LocalDateTime.parse(this.createdAt).truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
		}
		catch (DateTimeParseException ex) {
			return this.createdAt;
		}
	}

	/** How a warning about a setup that failed reads, after its name (the report finds these by it). */
	public static final String FAILED = ": not measured further, the run failed: ";

	/**
	 * The interleaved trial behind the capacity and cost columns (docs/method.md).
	 *
	 * @param rate the paced rate of the cost windows, requests/s
	 * @param pairs configurations against the one they differ from in one setting (observability)
	 * @param model where each configuration stops scaling, from the CPU its processes used at capacity
	 * (empty in files written before it existed)
	 * @param validation the model's predictions against measurements made for them (empty when none
	 * were made: a --quick comparison, or files written before)
	 * @param compilerQuiet the JIT compilers' share that ended settling (null in files written
	 * before it was recorded, when it was 0.01)
	 * @param cpuSpeed the systems' CPU's speed over the rounds, and the rounds the figures are from
	 * (null: not probed, and in files written before)
	 */
	public record Trial(String reference, int rate, double windowSeconds, int rounds, String generatorCpus,
			String systemCpus, List<TrialResult.Pair> pairs, List<Capacity> model, List<Validation> validation,
			Double warmupTolerance, Double compilerQuiet, TrialResult.CpuSpeed cpuSpeed, Arrivals arrivals) {

		public Trial {
			model = model == null ? List.of() : model;
			validation = validation == null ? List.of() : validation;
			// Summaries written before the pattern was recorded: every trial then paced with fixed waits.
			arrivals = arrivals == null ? Arrivals.FIXED : arrivals;
		}

		/** Without the CPU's speed (not probed), paced with fixed waits. */
		public Trial(String reference, int rate, double windowSeconds, int rounds, String generatorCpus,
				String systemCpus, List<TrialResult.Pair> pairs, List<Capacity> model, List<Validation> validation,
				Double warmupTolerance, Double compilerQuiet) {
			this(reference, rate, windowSeconds, rounds, generatorCpus, systemCpus, pairs, model, validation,
					warmupTolerance, compilerQuiet, null, Arrivals.FIXED);
		}
	}

	/**
	 * One of the capacity model's predictions against a measurement made to check it (docs/report.md).
	 *
	 * @param variant the design
	 * @param check what was checked, e.g. {@code Redis ceiling} or {@code app under 0.5 core}
	 * @param how the measurement in words, with its own figures
	 * @param predicted the model's requests/s
	 * @param measured the measured requests/s
	 * @param errorPercent (predicted − measured) ÷ measured × 100: positive when the model promised too much
	 * @param trusted the measurement reached what it needed (Redis saturated; the app used its quota,
	 * without errors); when false, {@code how} says what was missing
	 */
	public record Validation(String variant, String check, String how, double predicted, double measured,
			double errorPercent, boolean trusted) {
	}

	/**
	 * The capacity model of one configuration (docs/report.md): its processes' CPU per request in
	 * the trial's capacity windows (closed load, the system saturated), medians over rounds, and
	 * what follows if each app core served requests at that cost and the shared components kept
	 * theirs: a prediction, stated with its inputs, not a measurement.
	 *
	 * @param appMicros the app instances' CPU per request, µs
	 * @param nginxMicros nginx's CPU per request, µs
	 * @param redisMicros Redis's CPU per request, µs (null without Redis)
	 * @param redisCommandsPerRequest Redis commands per request (null without Redis)
	 * @param redisMicrosPerCommand Redis's CPU per command, µs
	 * @param appRequestsPerCore requests/s one app core serves: 10⁶ ÷ appMicros
	 * @param nginxRequestsPerCore requests/s one nginx core serves: 10⁶ ÷ nginxMicros
	 * @param redisCeiling requests/s at which Redis's one thread is busy: 10⁶ ÷ redisMicros
	 * @param appCoresAtCeiling app cores at which the app side reaches Redis's ceiling
	 * @param measuredCapacity the trial's capacity, requests/s (median)
	 * @param coreUse CPU the whole system used at capacity, in cores (capacity × CPU per request):
	 * the model's premise is that it was saturated
	 * @param redisReplicaMicros with Sentinel: the replica's CPU per request, µs (it applies every write
	 * on its own thread, so Redis's ceiling is the lower of the primary's and the replica's); null
	 * without a replica
	 */
	public record Capacity(String variant, double appMicros, double nginxMicros, Double redisMicros,
			Double redisCommandsPerRequest, Double redisMicrosPerCommand, double appRequestsPerCore,
			double nginxRequestsPerCore, Double redisCeiling, Double appCoresAtCeiling, double measuredCapacity,
			double coreUse, Double redisReplicaMicros) {
	}

	/**
	 * The architect's row for one variant. Ratios are to the baseline's median in the same
	 * comparison; null where the scenario was not run or does not apply.
	 *
	 * @param capacity successful requests/s in the throughput scenario (its highest step)
	 * @param latencyP99Ms p99 of the throughput scenario
	 * @param cpuMicrosPerRequest apps + nginx + Redis CPU per request
	 * @param cpuRatio cpuMicrosPerRequest ÷ the baseline's
	 * @param capacityRatio capacity ÷ the baseline's
	 * @param redisCommandsPerRequest Redis commands per request in the throughput scenario
	 * @param failover what killing one instance did (failover scenario)
	 * @param redisOutage what killing Redis did (redis-outage scenario)
	 * @param revocationDelay how long a logged-out credential keeps working: "measured: …" from the
	 * revocation scenario, or "by design: …" from the configuration when it did not run
	 * @param infrastructure what the design needs besides its instances
	 * @param throughputSteps requests/s per ladder step, for the chart
	 * @param latencySteps p50/p90/p99/p99.9 of the highest step, for the chart
	 * @param capacityRatioInterval from a trial: capacity ÷ the baseline's per round, median and 95% interval
	 * @param cpuRatioInterval from a trial: CPU per request at the fixed rate ÷ the baseline's per round
	 * @param cold the capacity and cost figures come from a JVM whose warm-up did not converge
	 * @param drills every drill that ran, by scenario (failover, freeze, rolling-restart, redis-outage,
	 * redis-latency): its incidents taken together; empty in a summary.json written before it existed
	 * @param redisCost from a trial: what Redis costs per request by role (the single Redis or the
	 * primary, the replica, the Sentinels) and the replication stream; null without Redis or a trial
	 */
	public record Row(String variant, Statistics capacity, Statistics latencyP99Ms, Statistics cpuMicrosPerRequest,
			Double cpuRatio, Double capacityRatio, Statistics redisCommandsPerRequest, Incident failover,
			Incident redisOutage, String revocationDelay, String infrastructure, Map<String, Double> throughputSteps,
			Map<String, Double> latencySteps, MedianInterval capacityRatioInterval, MedianInterval cpuRatioInterval,
			boolean cold, Map<String, Incident> drills, RedisCost redisCost) {

		public Row {
			drills = drills == null ? Map.of() : drills;
		}

		/** Without the Redis cost by role. */
		public Row(String variant, Statistics capacity, Statistics latencyP99Ms, Statistics cpuMicrosPerRequest,
				Double cpuRatio, Double capacityRatio, Statistics redisCommandsPerRequest, Incident failover,
				Incident redisOutage, String revocationDelay, String infrastructure, Map<String, Double> throughputSteps,
				Map<String, Double> latencySteps, MedianInterval capacityRatioInterval, MedianInterval cpuRatioInterval,
				boolean cold, Map<String, Incident> drills) {
			this(variant, capacity, latencyP99Ms, cpuMicrosPerRequest, cpuRatio, capacityRatio, redisCommandsPerRequest,
					failover, redisOutage, revocationDelay, infrastructure, throughputSteps, latencySteps,
					capacityRatioInterval, cpuRatioInterval, cold, drills, null);
		}

		/** What a drill did to this row, or null when it did not run (older files hold only two drills). */
		public Incident drill(String scenario) {
			if (this.drills.containsKey(scenario)) {
				return this.drills.get(scenario);
			}
			return switch (scenario) {
				case "failover" -> this.failover;
				case "redis-outage" -> this.redisOutage;
				default -> null;
			};
		}
	}

	/**
	 * What Redis costs a design per request, by role, from the interleaved trial (docs/design.md
	 * §10): a single Redis against a primary with its replica and three Sentinels. CPU per request
	 * is at the trial's paced rate with each role's idle CPU subtracted, medians over rounds.
	 *
	 * @param redisCpuMicrosPerRequest the Redis the apps write to (the single one, or the primary)
	 * @param replicaCpuMicrosPerRequest the replica, applying the replication stream (null without)
	 * @param sentinelCpuMicrosPerRequest the three Sentinels together (null without)
	 * @param sentinelCpuMillisPerSecond the Sentinels' CPU per second whatever the load (null without)
	 * @param replicationBytesPerRequest bytes of replication stream per request, sent to the replica
	 * (null without a replica)
	 */
	public record RedisCost(Statistics redisCpuMicrosPerRequest, Statistics replicaCpuMicrosPerRequest,
			Statistics sentinelCpuMicrosPerRequest, Double sentinelCpuMillisPerSecond,
			Statistics replicationBytesPerRequest) {
	}

	/**
	 * @param sessionsLost auth-lost events after the event
	 * @param failoverLoss lost ÷ alive on the hit instance (null when it held none, or for Redis)
	 * @param lostShare lost ÷ all live sessions
	 * @param failedRequests 5xx + connect errors after the event
	 * @param recoveryMillis until errors stayed at zero for 3 s; null: never within the run
	 * @param sessionsAlive users with a live session just before the event (null in older files)
	 * @param sessionsAliveOnTarget of those, the users last served by the hit instance (null for Redis)
	 * @param brokenMillis from the breaking event to its last repair (a restart, a thaw), null if none
	 * @param p99BeforeMs p99 latency before the event
	 * @param p99DuringMs p99 latency while broken (the worst of a drill's incidents)
	 * @param revocationsLost for a Redis fault: credentials logged out right before it and accepted
	 * again after it (the drill's failover probe, docs/design.md §10); null when no probe ran
	 */
	public record Incident(long sessionsLost, Double failoverLoss, Double lostShare, long failedRequests,
			Long recoveryMillis, Long sessionsAlive, Long sessionsAliveOnTarget, Long brokenMillis, Double p99BeforeMs,
			Double p99DuringMs, Long revocationsLost) {

		/** Without a failover probe. */
		public Incident(long sessionsLost, Double failoverLoss, Double lostShare, long failedRequests,
				Long recoveryMillis, Long sessionsAlive, Long sessionsAliveOnTarget, Long brokenMillis, Double p99BeforeMs,
				Double p99DuringMs) {
			this(sessionsLost, failoverLoss, lostShare, failedRequests, recoveryMillis, sessionsAlive,
					sessionsAliveOnTarget, brokenMillis, p99BeforeMs, p99DuringMs, null);
		}
	}

	/**
	 * One throughput run of the context-size scenario: what the auth context's padding costs a
	 * variant, against the same variant at the smallest size.
	 *
	 * @param variant the setup's name
	 * @param bytes the padding, AUTHBENCH_AUTH_CONTEXT_BYTES
	 * @param capacity successful requests/s (highest step)
	 * @param capacityRatio capacity ÷ the same variant's at the smallest size
	 * @param cpuMicrosPerRequest apps + nginx + Redis CPU per request
	 * @param redisCommandsPerRequest Redis commands per request (null without Redis)
	 * @param redisBytesPerRequest bytes Redis read and wrote per request: the session store's IO
	 * @param requestBytes bytes per request from the client, as nginx received them: the token on the wire
	 * @param responseBytes bytes per answer nginx sent
	 */
	public record ContextSize(String variant, int bytes, Statistics capacity, Double capacityRatio,
			Statistics cpuMicrosPerRequest, Statistics redisCommandsPerRequest, Statistics redisBytesPerRequest,
			Statistics requestBytes, Statistics responseBytes) {
	}

	/**
	 * One run of the comparison, as {@code summary.json} records it. Its {@code scenario} is the
	 * name the run is recorded under: a study's name (throughput, a drill, {@value #REVOCATION}), a
	 * context-size run's {@code context-size-<bytes>}, or {@value #TRIAL}; the report tells the runs
	 * apart by these names.
	 *
	 * @param dir the run's folder, relative to the comparison's
	 */
	public record RunRef(String variant, String scenario, String dir, boolean valid) {

		/** The interleaved trial's run: its variant and scenario, and its folder under {@code runs/}. */
		public static final String TRIAL = "trial";

		/** The run that logs out and replays the old credential on every instance (no load). */
		public static final String REVOCATION = "revocation";

		/** The capacity run: with it, a comparison measures capacity and cost as an interleaved trial. */
		public static final String THROUGHPUT = "throughput";

		/** The throughput ladder once per auth-context size; each size is recorded by {@link #contextScenario}. */
		public static final String CONTEXT_SIZE = "context-size";

		/** The scenario a context-size run is recorded under, e.g. {@code context-size-1024}. */
		public static String contextScenario(int bytes) {
			return CONTEXT_SIZE + "-" + bytes;
		}

		/** The auth-context size of a run recorded by {@link #contextScenario}, or empty for other scenarios. */
		public static Optional<Integer> contextBytes(String scenario) {
			return scenario.startsWith(CONTEXT_SIZE + "-")
					? Optional.of(Integer.valueOf(scenario.substring(CONTEXT_SIZE.length() + 1))) : Optional.empty();
		}
	}

	/**
	 * Per second of a drill run's measurement: successful requests, lost sessions and failed
	 * requests; events at their second.
	 */
	public record DrillTimeline(String variant, String scenario, List<Integer> seconds, List<Long> ok,
			List<Long> authLost, List<Long> errors, List<Event> events) {
	}

	public record Event(double second, String label) {
	}
}
