package org.authbench.harness.drill;

import java.time.Duration;

import org.authbench.harness.docker.DockerEngine;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill on the docker runtime (container tier), with a short timeline: the fault only containers
 * can give, one instance cut off Redis while the others keep it ({@code partition}/{@code heal}),
 * through the drill runner and its analysis, under load. (A killed container's sticky sessions:
 * DockerCompareIntegrationTests. Clustered's 503 on the cut-off instance and its sessions kept:
 * DockerStackIntegrationTests, request by request; JWT with the denylist, which fails closed
 * there with 503: DockerJwtPartitionIntegrationTests. Their drills here repeated those on two
 * more stacks of containers, 52 and 50 s of the suite's critical path.)
 */
@ExtendWith(DockerEngine.class)
class DockerDrillIntegrationTests {

	/** Runs a drill under a steady open load on a fresh docker stack and returns its first incident. */
	private static JsonNode drill(Variant variant, int instances, String timeline, Duration measured,
			String... appEnv) {
		return TestDrills.incidents("docker", variant, instances, timeline, measured, appEnv).get(0);
	}

	@Test
	void jwtWithoutRevocationStateDoesNotNoticeThePartition() {
		JsonNode partition = drill(Variant.parse("jwt"), 2, "partition app-2@3s, heal app-2@7s", Duration.ofSeconds(12),
				"AUTHBENCH_JWT_REVOCATION", "none");

		assertThat(partition.get("failed").get("serverError").asLong()).as("reads never ask Redis").isZero();
		assertThat(partition.get("failed").get("authLost").asLong()).isZero();
	}
}
