package org.authbench.harness.drill;

import java.time.Duration;

import org.authbench.harness.docker.DockerEngine;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills on the docker runtime (container tier), with short timelines: the fault only containers
 * can give, one instance cut off Redis while the others keep it ({@code redis-partition}), and what
 * each design loses or keeps. (A killed container's sticky sessions: DockerCompareIntegrationTests.
 * JWT with the denylist, which fails closed there with 503: DockerJwtPartitionIntegrationTests, request
 * by request; its drill here repeated that on a third stack of containers, 50 s of the suite.)
 */
@ExtendWith(DockerEngine.class)
class DockerDrillIntegrationTests {

	/** Runs a drill under a steady open load on a fresh docker stack and returns its first incident. */
	private static JsonNode drill(Variant variant, int instances, String timeline, Duration measured,
			String... appEnv) {
		return TestDrills.incidents("docker", variant, instances, timeline, measured, appEnv).get(0);
	}

	@Test
	void clusteredAnswers503OnThePartitionedInstanceAndLosesNoSession() {
		// 15 s: app-2 serves again about 1 s after the heal (Lettuce's reconnect), then recovery needs 3 s
		// without errors; 12 s left 1 s to spare, and a slow second on CI took it (recoveryMillis null).
		JsonNode partition = drill(Variant.parse("clustered"), 2, "partition app-2@3s, heal app-2@7s", Duration.ofSeconds(15));

		assertThat(partition.get("failed").get("serverError").asLong()).as("503 from the instance cut off Redis")
			.isPositive();
		assertThat(partition.get("sessionsLost").asLong()).as("the sessions stay in Redis").isZero();
		assertThat(partition.get("recoveryMillis").isNull()).as("it serves again once it sees Redis: %s", partition)
			.isFalse();
	}

	@Test
	void jwtWithoutRevocationStateDoesNotNoticeThePartition() {
		JsonNode partition = drill(Variant.parse("jwt"), 2, "partition app-2@3s, heal app-2@7s", Duration.ofSeconds(12),
				"AUTHBENCH_JWT_REVOCATION", "none");

		assertThat(partition.get("failed").get("serverError").asLong()).as("reads never ask Redis").isZero();
		assertThat(partition.get("failed").get("authLost").asLong()).isZero();
	}
}
