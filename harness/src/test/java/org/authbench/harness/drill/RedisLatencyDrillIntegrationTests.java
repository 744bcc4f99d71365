package org.authbench.harness.drill;

import java.time.Duration;

import org.authbench.harness.RunsAlone;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redis-latency drill on real stacks: 5 ms more per Redis round trip raises clustered's
 * median latency and leaves jwt's without revocation state alone. It compares latencies, which
 * another class's load beside it would move, so it runs alone ({@link RunsAlone}); the other
 * drills count sessions and errors ({@link DrillIntegrationTests}).
 */
@RunsAlone
class RedisLatencyDrillIntegrationTests {

	@Test
	void redisLatencyRaisesClusteredLatencyButNotJwts() {
		String timeline = "redis-latency=5ms@2s, redis-latency=0@5s";
		JsonNode clustered = TestDrills.incidents("native", Variant.parse("clustered"), 1, timeline, Duration.ofSeconds(8))
			.get(0);
		JsonNode jwt = TestDrills.incidents("native", Variant.parse("jwt"), 1, timeline, Duration.ofSeconds(8),
				"AUTHBENCH_JWT_REVOCATION", "none").get(0);

		// "after" (latency back to 0) is the fair comparison: the JVMs are as warm as "during".
		double clusteredAfter = clustered.get("after").get("p50").asDouble();
		double clusteredRise = clustered.get("during").get("p50").asDouble() - clusteredAfter;
		double jwtRise = jwt.get("during").get("p50").asDouble() - jwt.get("after").get("p50").asDouble();
		assertThat(clusteredRise).as("several Redis round trips per request, each 5 ms slower: p50 rises by half or more")
			.isGreaterThan(clusteredAfter / 2);
		assertThat(jwtRise).as("jwt without revocation state never asks Redis").isLessThan(clusteredRise / 3);
	}
}
