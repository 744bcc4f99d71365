package org.authbench.harness.metrics;

import java.util.Map;

import org.authbench.testsupport.RedisProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCommandStatsTests {

	@Test
	void parsesCallsPerCommand() {
		String info = "# Commandstats\r\ncmdstat_hgetall:calls=12,usec=80,usec_per_call=6.67,rejected_calls=0,failed_calls=0\r\n"
				+ "cmdstat_exists:calls=3,usec=2,usec_per_call=0.67,rejected_calls=0,failed_calls=0\r\n";

		assertThat(RedisCommandStats.parse(info)).containsExactly(Map.entry("exists", 3L), Map.entry("hgetall", 12L));
	}

	@Test
	void addsTheBytesReadAndWritten() {
		String info = "# Stats\r\ntotal_connections_received:4\r\ntotal_net_input_bytes:1200\r\n"
				+ "total_net_output_bytes:34000\r\ninstantaneous_ops_per_sec:0\r\n";

		assertThat(RedisCommandStats.parseNetworkBytes(info)).isEqualTo(35_200L);
	}

	@Test
	void countsTheBytesOfAWindowOnARealRedis() {
		try (RedisProcess redis = RedisProcess.start()) {
			long before = RedisCommandStats.networkBytes(redis.host(), redis.port());
			redis.command("SET", "big", "x".repeat(10_000));

			long delta = RedisCommandStats.networkBytes(redis.host(), redis.port()) - before;

			// the 10,000-byte value went in, plus the protocol framing and the first INFO's reply
			assertThat(delta).isBetween(10_000L, 20_000L);
		}
	}

	@Test
	void countsTheCommandsOfAWindowOnARealRedis() {
		try (RedisProcess redis = RedisProcess.start()) {
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
	}
}
