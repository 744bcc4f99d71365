package org.authbench.harness.compare;

import org.authbench.harness.drill.Drill;
import org.authbench.harness.load.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The names {@code compare --scenarios} takes, and what each runs. */
class StudyTests {

	@Test
	void everyLoadScenarioDrillPresetTheRevocationProbeAndTheContextSizeLadderIsAStudy() {
		assertThat(Study.ids()).containsExactly("throughput", "latency", "steady", "revocation", "context-size",
				"failover", "freeze", "rolling-restart", "redis-outage", "redis-latency", "redis-partition",
				"redis-failover", "redis-primary-freeze");
		assertThat(Study.ids()).containsAll(Drill.PRESETS);
		assertThat(Study.parse("throughput")).isSameAs(Study.THROUGHPUT);
		assertThat(Study.parse("Revocation")).isEqualTo(Study.REVOCATION);
	}

	@Test
	void anUnknownNameFailsWithTheKnownOnes() {
		assertThatThrownBy(() -> Study.parse("failvoer")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no scenario 'failvoer'; scenarios: " + String.join(", ", Study.ids()));
	}

	@Test
	void aStudyPicksTheLoadItsRunsPutOnTheStack() {
		assertThat(Study.parse("latency").load()).isEqualTo(Scenario.LATENCY);
		assertThat(Study.parse("failover").load()).isEqualTo(Scenario.STEADY);
		assertThat(Study.CONTEXT_SIZE.load()).isEqualTo(Scenario.THROUGHPUT);
		assertThatThrownBy(Study.REVOCATION::load).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void redisDrillsNeedRedisAndOnlyRedisLatencyNeedsItsProxy() {
		assertThat(Study.ids().stream().map(Study::parse).filter(Study::needsRedis).map(Study::id))
			.containsExactly("redis-outage", "redis-latency", "redis-partition", "redis-failover", "redis-primary-freeze");
		assertThat(Study.ids().stream().map(Study::parse).filter(Study::injectsRedisLatency).map(Study::id))
			.containsExactly("redis-latency");
		assertThat(Study.parse("failover").isDrill()).isTrue();
		assertThat(Study.THROUGHPUT.isDrill()).isFalse();
	}
}
