package org.authbench.harness.trial;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.authbench.harness.RunsAlone;
import org.authbench.testsupport.RedisServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis ceiling check on a real redis-server: a session-like mix captured by MONITOR, then
 * replayed against a fresh Redis that holds a copy of the data. Only that the figures are there
 * and positive is checked: how many commands/s a Redis runs depends on the machine.
 */
@RunsAlone
class RedisCeilingIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static final RedisServer replica = new RedisServer();

	@Test
	void capturesADesignsCommandsAndMeasuresThemAtSaturationOnAFreshRedis(@TempDir Path dir) {
		try (Jedis client = new Jedis(redis.host(), redis.port())) {
			for (int s = 0; s < 20; s++) {
				client.hset("sessions:" + s, Map.of("creationTime", "1", "lastAccessedTime", "2", "attr", "x".repeat(200)));
				client.pexpire("sessions:" + s, 1_800_000);
			}
		}

		List<List<byte[]>> captured = RedisCeiling.capture(redis.port(), () -> {
			try (Jedis app = new Jedis(redis.host(), redis.port())) {
				for (int r = 0; r < 100; r++) {
					String key = "sessions:" + (r % 20);
					app.hgetAll(key);
					app.hset(key, "lastAccessedTime", String.valueOf(r));
					app.pexpire(key, 1_800_000);
					app.exists("denylist:" + r);
				}
			}
		});

		assertThat(RedisCeiling.mix(captured)).containsExactly(Map.entry("exists", 100L), Map.entry("hgetall", 100L),
				Map.entry("hset", 100L), Map.entry("pexpire", 100L));
		assertThat(RedisCeiling.copyData(redis.port(), redis.port())).as("every key copied (here onto itself)")
			.isEqualTo(20);

		int cpusBefore = Runtime.getRuntime().availableProcessors();
		RedisCeiling.Replay replay = RedisCeiling.measure(captured, redis.port(), null, "0", Duration.ofMillis(300),
				Duration.ofSeconds(1), dir);

		assertThat(Runtime.getRuntime().availableProcessors()).as("the JVM, pinned to CPU 0 for the replay, is on every"
				+ " CPU again").isEqualTo(cpusBefore);

		System.out.println("replay on this machine: " + replay);
		assertThat(replay.mix()).containsEntry("hgetall", 100L);
		assertThat(replay.commands()).isPositive();
		assertThat(replay.commandsPerSecond()).isPositive();
		assertThat(replay.redisCpuSeconds()).isPositive();
		assertThat(replay.microsPerCommand()).isPositive();
		assertThat(replay.busyCores()).isPositive();
		try (Jedis client = new Jedis(redis.host(), redis.port())) {
			assertThat(client.hget("sessions:3", "attr")).as("the source Redis is left as it was").hasSize(200);
		}
	}

	/** With Sentinel the design's Redis feeds a replica: the replayed one feeds one too, and its ceiling includes that. */
	@Test
	void aDesignWithAReplicaIsReplayedOnARedisThatFeedsOne(@TempDir Path dir) {
		try (Jedis follower = new Jedis(replica.host(), replica.port()); Jedis primary = new Jedis(redis.host(), redis.port())) {
			follower.replicaof(redis.host(), redis.port());
			try {
				Awaitility.await("the replica follows the primary")
					.atMost(Duration.ofSeconds(10))
					.until(() -> RedisCeiling.replicas(redis.port()) == 1);
				primary.set("session:1", "x");
				List<List<byte[]>> writes = List.of(List.of("set".getBytes(), "session:1".getBytes(), "y".getBytes()));

				RedisCeiling.Replay replay = RedisCeiling.measure(writes, redis.port(), null, "0", Duration.ofMillis(300),
						Duration.ofSeconds(1), dir);

				assertThat(replay.replicas()).isEqualTo(1);
				assertThat(replay.commands()).isPositive();
				assertThat(dir.resolve("replica-1").resolve("redis.log")).as("the replay's replica ran and logged")
					.content()
					.contains("MASTER <-> REPLICA sync");
			}
			finally {
				follower.replicaofNoOne();
			}
		}
	}
}
