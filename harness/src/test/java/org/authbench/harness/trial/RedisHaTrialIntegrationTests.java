package org.authbench.harness.trial;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.authbench.harness.RunsAlone;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.stack.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short real trial of one Redis beside Redis with Sentinel (clustered, clustered-ha, one
 * instance each; docs/design.md §10): the HA setup's replica and Sentinels are counted apart,
 * the replica's work and the replication stream grow with the requests, and the single Redis
 * has neither. The figures themselves are not compared: the windows are far too short.
 */
@RunsAlone
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisHaTrialIntegrationTests {

	StackState single;

	StackState ha;

	TrialResult result;

	@BeforeAll
	void runTrial() throws Exception {
		this.single = TestStacks.stack().up(Setup.parse("clustered").apply(TestStacks.spec(Setup.parse("clustered").variant(), 1).build()).forTrial());
		this.ha = TestStacks.stack()
			.up(Setup.parse("clustered-ha").apply(TestStacks.spec(Setup.parse("clustered-ha").variant(), 1).build()).forTrial());
		// Paced at 800 requests/s: /proc counts CPU in 10 ms ticks, and at 200 requests/s a 2 s
		// window gave the replica (about 15 µs a request) 6 ms, read as 0 or 10 ms. One round: what
		// is asserted is in every window (TrialIntegrationTests checks the rounds themselves).
		TrialSettings settings = new TrialSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 6, 0.05, 1, 1, 4, 2, 4,
				TrialSettings.defaultMix(), 800, Arrivals.FIXED, true, 42, Duration.ZERO);

		this.result = new InterleavedTrial(new PrintWriter(System.out, true)).run(
				List.of(TrialTarget.of("clustered", this.single), TrialTarget.of("clustered-ha", this.ha)), "clustered",
				Map.of(), settings, Files.createTempDirectory("authbench-ha-trial-"));
	}

	@AfterAll
	void stop() {
		TestStacks.down(this.single);
		TestStacks.down(this.ha);
	}

	@Test
	void theReplicaWorksForEveryRequestAndTheStreamIsCounted() {
		TrialResult.Target ha = this.result.target("clustered-ha").orElseThrow();

		assertThat(ha.redisCpuMicrosPerRequest()).as("the primary's CPU per request").isNotNull();
		assertThat(ha.replicaCpuMicrosPerRequest()).as("the replica's CPU per request").isNotNull();
		assertThat(ha.replicaCpuMicrosPerRequest().median()).as("the replica applies every session write").isPositive();
		assertThat(ha.replicationBytesPerRequest()).isNotNull();
		assertThat(ha.replicationBytesPerRequest().median()).as("bytes of replication stream per request").isPositive();
		assertThat(ha.sentinelCpuMillisPerSecond()).as("the Sentinels PING every node ten times a second").isPositive();
		assertThat(this.result.windows()).filteredOn(w -> w.target().equals("clustered-ha") && w.round() > 0)
			.allSatisfy(w -> {
				assertThat(w.redisCpuSeconds().get("clustered-ha")).containsKeys(TrialTarget.REDIS, TrialTarget.REPLICA,
						TrialTarget.SENTINELS);
				assertThat(w.replicationBytes()).isPositive();
			});
	}

	@Test
	void aSingleRedisHasNoReplicaAndNoStream() {
		TrialResult.Target single = this.result.target("clustered").orElseThrow();

		assertThat(single.redisCpuMicrosPerRequest()).isNotNull();
		assertThat(single.replicaCpuMicrosPerRequest()).isNull();
		assertThat(single.sentinelCpuMillisPerSecond()).isNull();
		assertThat(single.replicationBytesPerRequest()).isNull();
		assertThat(this.result.windows()).filteredOn(w -> w.target().equals("clustered"))
			.allSatisfy(w -> assertThat(w.replicationBytes()).isNull());
	}
}
