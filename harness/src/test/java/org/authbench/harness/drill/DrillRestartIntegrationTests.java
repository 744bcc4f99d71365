package org.authbench.harness.drill;

import java.time.Duration;

import org.authbench.harness.stack.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frozen instance and a rolling restart on real stacks, with a short timeline. It runs on the
 * main test thread, apart from {@link DrillIntegrationTests}, which runs beside it: that keeps
 * the two threads' shares of the suite about even (docs/tests.md, "Two at a time").
 */
class DrillRestartIntegrationTests {

	/**
	 * The freeze and restart figures come from the same code for every variant; sessions held in
	 * the instance (sticky) and in Redis (clustered, whose instances are as stateless as jwt's) are
	 * the two cases that differ. The baseline and jwt are left out to keep the suite short.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "sticky", "clustered" })
	void freezeAndRollingRestartProduceTheirFiguresForSessionsInTheInstanceAndInRedis(Variant variant) {
		JsonNode incidents = TestDrills.incidents("native", variant, 2,
				"freeze app-2@2s, thaw app-2@4s, restart app-1@6s, restart app-2@7s", Duration.ofSeconds(14));

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
