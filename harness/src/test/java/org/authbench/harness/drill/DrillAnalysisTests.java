package org.authbench.harness.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.authbench.harness.metrics.LatencyLog;
import org.authbench.harness.metrics.Timeline;
import org.authbench.harness.metrics.Timeline.Second;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sticky stack of 3 instances, 30 users (10 each). app-3 is killed at second 10 and
 * started at second 20; its 10 users lose their session in seconds 10-11 and log in again
 * on the others. Latency is 1 ms, 50 ms while app-3 is down.
 */
class DrillAnalysisTests {

	static final long T0 = 1_795_000_000_000L;

	private static Timeline timeline() {
		List<Second> seconds = new ArrayList<>();
		for (int s = 0; s < 30; s++) {
			long authLost = s == 10 ? 6 : s == 11 ? 4 : 0;
			Map<String, Long> users = s < 10 ? Map.of("sticky-1", 10L, "sticky-2", 10L, "sticky-3", 10L)
					: Map.of("sticky-1", 15L, "sticky-2", 15L);
			seconds.add(new Second(s, T0 + s * 1000L, 100, authLost, 0, s == 10 ? 2 : 0, 0, authLost, users));
		}
		return new Timeline(seconds);
	}

	private static LatencyLog latency() {
		List<LatencyLog.Interval> intervals = new ArrayList<>();
		for (int s = 0; s < 30; s++) {
			Histogram h = new Histogram(1, LatencyLog.HIGHEST_MICROS, 3);
			h.recordValueWithCount(s >= 10 && s < 20 ? 50_000 : 1000, 100);
			intervals.add(new LatencyLog.Interval("me", T0 + s * 1000L, T0 + (s + 1) * 1000L, h));
		}
		return new LatencyLog(intervals);
	}

	@Test
	void failoverLossIsLostOverAliveOnTheKilledInstance() {
		Drill drill = Drill.parse("kill app-3@10s, start app-3@20s");
		List<DrillRunner.Executed> executed = List.of(
				new DrillRunner.Executed(drill.events().get(0), T0 + 10_000, T0 + 10_010, null),
				new DrillRunner.Executed(drill.events().get(1), T0 + 20_000, T0 + 20_000, null));

		DrillReport report = DrillAnalysis.analyse(drill, executed, timeline(), latency(), "sticky", T0, T0 + 30_000);

		assertThat(report.incidents()).hasSize(1);
		DrillReport.Incident kill = report.incidents().get(0);
		assertThat(kill.repairs()).singleElement().asString().startsWith("start app-3@20s");
		assertThat(kill.targetInstance()).isEqualTo("sticky-3");
		assertThat(kill.sessionsAliveOnTarget()).isEqualTo(10);
		assertThat(kill.sessionsAlive()).isEqualTo(30);
		assertThat(kill.sessionsLost()).isEqualTo(10);
		assertThat(kill.failoverLoss()).isEqualTo(1.0);
		assertThat(kill.lostShare()).isEqualTo(0.333);
		assertThat(kill.failed()).containsEntry("authLost", 10L).containsEntry("serverError", 2L);
		assertThat(kill.recoveryMillis()).isEqualTo(2000);
		assertThat(kill.before().p99()).isEqualTo(1.0);
		assertThat(kill.during().p99()).isCloseTo(50.0, org.assertj.core.api.Assertions.within(0.1));
		assertThat(kill.after().p99()).isEqualTo(1.0);
	}

	@Test
	void eachBreakingEventIsItsOwnIncident() {
		Drill drill = Drill.parse("restart app-1@5s, restart app-2@15s");
		List<DrillRunner.Executed> executed = List.of(
				new DrillRunner.Executed(drill.events().get(0), T0 + 5_000, T0 + 9_000, null),
				new DrillRunner.Executed(drill.events().get(1), T0 + 15_000, T0 + 19_000, "boom"));

		DrillReport report = DrillAnalysis.analyse(drill, executed, timeline(), latency(), "sticky", T0, T0 + 30_000);

		assertThat(report.incidents()).extracting(DrillReport.Incident::event)
			.containsExactly("restart app-1@5s", "restart app-2@15s");
		assertThat(report.incidents().get(0).untilMillis()).isEqualTo(T0 + 15_000);
		assertThat(report.incidents().get(0).sessionsLost()).isEqualTo(10);
		assertThat(report.incidents().get(1).error()).isEqualTo("boom");
	}

	@Test
	void anEventThatFailedMakesTheDrillInvalidWhetherItBrokeOrRepaired() {
		Drill drill = Drill.parse("kill app-3@10s, start app-3@20s");
		DrillReport startFailed = DrillAnalysis.analyse(drill, List.of(
				new DrillRunner.Executed(drill.events().get(0), T0 + 10_000, T0 + 10_010, null),
				new DrillRunner.Executed(drill.events().get(1), T0 + 20_000, T0 + 20_000, "port 9003 (app-3) is in use")),
				timeline(), latency(), "sticky", T0, T0 + 30_000);
		DrillReport killFailed = DrillAnalysis.analyse(drill, List.of(
				new DrillRunner.Executed(drill.events().get(0), T0 + 10_000, T0 + 10_010, "app-3 is not running"),
				new DrillRunner.Executed(drill.events().get(1), T0 + 20_000, T0 + 20_000, null)),
				timeline(), latency(), "sticky", T0, T0 + 30_000);
		DrillReport bothDone = DrillAnalysis.analyse(drill, List.of(
				new DrillRunner.Executed(drill.events().get(0), T0 + 10_000, T0 + 10_010, null),
				new DrillRunner.Executed(drill.events().get(1), T0 + 20_000, T0 + 20_000, null)),
				timeline(), latency(), "sticky", T0, T0 + 30_000);

		assertThat(startFailed.invalidity()).singleElement().asString()
			.startsWith("INVALID: the drill's event start app-3@20s")
			.contains("port 9003 (app-3) is in use");
		assertThat(killFailed.invalidity()).singleElement().asString()
			.startsWith("INVALID: the drill's event kill app-3@10s, FAILED: app-3 is not running");
		assertThat(bothDone.invalidity()).isEmpty();
	}
}
