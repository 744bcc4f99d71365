package org.authbench.harness.drill;

import java.time.Duration;

import org.authbench.harness.RunsBesideOthers;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drills on real stacks, with short timelines: what each design loses when an instance
 * dies or freezes, and when Redis dies. They count sessions and errors within one run, never
 * time, so they run beside the other classes ({@link RunsBesideOthers}); the redis-latency
 * drill compares latencies and runs alone ({@link RedisLatencyDrillIntegrationTests}).
 */
@RunsBesideOthers
class DrillIntegrationTests {

	/** Runs a drill under a steady open load on a fresh native stack and returns its incidents. */
	private static JsonNode drill(Variant variant, int instances, String timeline, Duration measured,
			String... appEnv) {
		return TestDrills.incidents("native", variant, instances, timeline, measured, appEnv);
	}

	@Test
	void stickyFailoverLosesTheSessionsOfTheKilledInstanceOnly() {
		JsonNode kill = drill(Variant.parse("sticky"), 3, "kill app-3@3s", Duration.ofSeconds(9)).get(0);

		assertThat(kill.get("sessionsAliveOnTarget").asLong()).isPositive();
		assertThat(kill.get("lostShare").asDouble()).as("the killed node's share of all sessions").isBetween(0.20, 0.45);
		assertThat(kill.get("failoverLoss").asDouble()).as("lost ÷ alive on the killed node").isGreaterThan(0.8);
		// nginx fails over, and the next request of each of its users is a 401, not a 502. Only a
		// request in flight when the instance died may fail (a POST already sent is not retried).
		assertThat(kill.get("failed").get("serverError").asLong()).as("server errors: in-flight requests only")
			.isLessThanOrEqualTo(kill.get("sessionsAliveOnTarget").asLong())
			.isLessThan(kill.get("failed").get("authLost").asLong());
		assertThat(kill.get("recoveryMillis").isNull()).isFalse();
	}

	/**
	 * Also the window that waits for a drill's events: planned to end 1 s after the start of the
	 * killed instance, which takes seconds to come back, it ends only once the instance is back and
	 * a recovery could show (LoadRun.measureUntil).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "clustered", "jwt" })
	void clusteredAndJwtLoseNoSessionWhenAnInstanceDiesAndTheWindowWaitsForItsRestart(Variant variant) {
		JsonNode summary = TestDrills.summary("native", variant, 2, "kill app-2@2s, start app-2@3s", Duration.ofSeconds(4));
		JsonNode kill = summary.get("drills").get(0).get("incidents").get(0);

		assertThat(kill.get("sessionsAlive").asLong()).isPositive();
		assertThat(kill.get("sessionsLost").asLong()).isZero();
		assertThat(kill.get("failed").get("authLost").asLong()).isZero();
		String start = kill.get("repairs").get(0).asString();
		double startDone = Double.parseDouble(start.replaceAll(".*done \\+([0-9.]+) s.*", "$1"));
		double window = summary.get("repeats").get(0).get("window").get("seconds").asDouble();
		assertThat(window).as("the window outlasted the start (%s) by the 3 s a recovery needs", start)
			.isGreaterThanOrEqualTo(startDone + DrillAnalysis.QUIET_SECONDS);
		assertThat(summary.get("warnings").toString()).contains("past its planned 4 s");
		assertThat(kill.get("recoveryMillis").isNull()).as("recovered within the window: %s", kill).isFalse();
	}

	@Test
	void redisOutageOnClusteredFailsFastThenEverySessionIsLost() {
		JsonNode summary = TestDrills.summary("native", Variant.parse("clustered"), 2, "redis-kill@3s, redis-start@6s",
				Duration.ofSeconds(14));
		JsonNode outage = summary.get("drills").get(0).get("incidents").get(0);

		assertThat(outage.get("failed").get("serverError").asLong()).as("503 while Redis is down").isPositive();
		assertThat(outage.get("sessionsLost").asLong()).as("a non-persistent Redis lost every session")
			.isGreaterThanOrEqualTo((long) (0.9 * outage.get("sessionsAlive").asLong()));
		assertThat(outage.get("recoveryMillis").isNull()).as("service is back without an app restart").isFalse();
		// The probe's BCrypt logins come first and may hold the kill; the start follows it 3 s later all the same.
		long windowStart = summary.get("repeats").get(0).get("window").get("startEpochMillis").asLong();
		double killAt = (outage.get("atMillis").asLong() - windowStart) / 1000.0;
		String repair = outage.get("repairs").get(0).asString();
		double startAt = Double.parseDouble(repair.replaceAll(".*\\(at \\+([0-9.]+) s.*", "$1"));
		assertThat(startAt - killAt).as("Redis down from the kill to the start: " + repair).isGreaterThanOrEqualTo(2.95);
	}

	@Test
	void redisOutageDoesNotTouchJwtReadsWithoutRevocationState() {
		JsonNode outage = drill(Variant.parse("jwt"), 2, "redis-kill@3s, redis-start@6s", Duration.ofSeconds(10),
				"AUTHBENCH_JWT_REVOCATION", "none").get(0);

		assertThat(outage.get("failed").get("serverError").asLong()).isZero();
		assertThat(outage.get("failed").get("authLost").asLong()).isZero();
	}

	/**
	 * The freeze and restart figures come from the same code for every variant; sessions held in
	 * the instance (sticky) and in Redis (clustered, whose instances are as stateless as jwt's) are
	 * the two cases that differ. The baseline and jwt are left out to keep the suite short.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "sticky", "clustered" })
	void freezeAndRollingRestartProduceTheirFiguresForSessionsInTheInstanceAndInRedis(Variant variant) {
		JsonNode incidents = drill(variant, 2, "freeze app-2@2s, thaw app-2@4s, restart app-1@6s, restart app-2@7s",
				Duration.ofSeconds(14));

		assertThat(incidents).hasSize(3);
		JsonNode freeze = incidents.get(0);
		JsonNode restart = incidents.get(1);
		assertThat(incidents.get(2).get("event").asString()).isEqualTo("restart app-2@7s");
		assertThat(freeze.get("event").asString()).isEqualTo("freeze app-2@2s");
		assertThat(freeze.get("repairs").get(0).asString()).startsWith("thaw app-2@4s");
		assertThat(freeze.get("during").get("count").asLong()).isPositive();
		assertThat(restart.get("event").asString()).isEqualTo("restart app-1@6s");
		assertThat(restart.get("error").isNull()).as("the restart itself worked").isTrue();
		assertThat(restart.get("failed")).isNotNull();
	}
}
