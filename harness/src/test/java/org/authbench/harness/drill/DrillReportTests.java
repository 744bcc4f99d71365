package org.authbench.harness.drill;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a drill's figures say nothing: an event on an instance that served no user. */
class DrillReportTests {

	private static DrillReport killing(Map<String, Long> usersByInstance, String target) {
		long alive = usersByInstance.values().stream().mapToLong(Long::longValue).sum();
		DrillReport.Incident kill = new DrillReport.Incident("kill app-2@3000ms", List.of("start app-2@7000ms"), 0, 10_000,
				target, usersByInstance, usersByInstance.get(target), alive, 0, null, 0.0, Map.of(), 500L, null, null, null,
				null, null, null, null);
		return new DrillReport("failover", "kill app-2@3000ms, start app-2@7000ms", List.of(kill));
	}

	@Test
	void aKillOfAnInstanceThatServedNoUserMakesTheDrillInvalid() {
		DrillReport report = killing(Map.of("sticky-1", 60L, "sticky-2", 0L), "sticky-2");

		assertThat(report.invalidity()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("INVALID: kill app-2@3000ms hit sticky-2")
				.contains("none of the 60 users"));
	}

	@Test
	void aKillOfAnInstanceWithUsersOrOfRedisIsFine() {
		assertThat(killing(Map.of("sticky-1", 30L, "sticky-2", 30L), "sticky-2").invalidity()).isEmpty();
		DrillReport.Incident redis = new DrillReport.Incident("kill redis@3000ms", List.of(), 0, 10_000, null, Map.of(),
				null, 60, 60, null, 1.0, Map.of(), 500L, null, null, null, null, null, null, null);
		assertThat(new DrillReport("redis-outage", "kill redis@3000ms", List.of(redis)).invalidity()).isEmpty();
	}
}
