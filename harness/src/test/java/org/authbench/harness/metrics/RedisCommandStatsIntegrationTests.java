package org.authbench.harness.metrics;

import java.util.Map;

import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures of a window, taken from a real redis-server. */
class RedisCommandStatsIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@Test
	void countsTheBytesOfAWindowOnARealRedis() {
		long before = RedisCommandStats.networkBytes(redis.host(), redis.port());
		redis.command("SET", "big", "x".repeat(10_000));

		long delta = RedisCommandStats.networkBytes(redis.host(), redis.port()) - before;

		// the 10,000-byte value went in, plus the protocol framing and the first INFO's reply
		assertThat(delta).isBetween(10_000L, 20_000L);
	}

	@Test
	void countsTheCommandsOfAWindowOnARealRedis() {
		Map<String, Long> before = RedisCommandStats.snapshot(redis.host(), redis.port());
		for (int i = 0; i < 5; i++) {
			redis.command("SET", "k" + i, "v");
		}
		redis.command("GET", "k1");

		Map<String, Long> delta = RedisCommandStats.delta(before,
				RedisCommandStats.snapshot(redis.host(), redis.port()));

		assertThat(delta).containsOnly(Map.entry("set", 5L), Map.entry("get", 1L));
		assertThat(RedisCommandStats.total(Map.of("set", 5L, "get", 1L))).isEqualTo(6);
	}

	@Test
	void seesARealRedisRestart() {
		for (int i = 0; i < 20; i++) {
			redis.command("SET", "k" + i, "x".repeat(1000));
		}
		RedisCommandStats.Sample before = RedisCommandStats.sample(redis.host(), redis.port());
		redis.restart();
		redis.command("SET", "k", "v");
		RedisCommandStats.Sample after = RedisCommandStats.sample(redis.host(), redis.port());

		RedisCommandStats.Window window = RedisCommandStats.between(before, after);

		assertThat(after.runId()).isNotEqualTo(before.runId());
		assertThat(after.networkBytes()).as("the counter started again from zero").isLessThan(before.networkBytes());
		assertThat(window.measured()).isFalse();
		assertThat(window.warning()).startsWith("Redis restarted");
	}
}
