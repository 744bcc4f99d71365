package org.authbench.harness.metrics;

import java.util.Map;

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

	private static RedisCommandStats.Sample sample(String runId, long uptime, long hgetall, long bytes) {
		return new RedisCommandStats.Sample(runId, uptime, Map.of("hgetall", hgetall, "info", 3L), bytes);
	}

	@Test
	void aWindowIsTheDifferenceOfTwoSamplesOfTheSameRedis() {
		RedisCommandStats.Window window = RedisCommandStats.between(sample("a1", 100, 1000, 50_000),
				sample("a1", 118, 1600, 80_000));

		assertThat(window.measured()).isTrue();
		assertThat(window.calls()).containsOnly(Map.entry("hgetall", 600L));
		assertThat(window.networkBytes()).isEqualTo(30_000L);
		assertThat(window.warning()).isNull();
	}

	/** The jwt redis-outage run: Redis restarted inside the window, its counters from zero again. */
	@Test
	void aRedisRestartedInTheWindowIsNotMeasuredNeverNegative() {
		RedisCommandStats.Window window = RedisCommandStats.between(sample("4f1c2b9a77", 40, 90_000, 9_000_000),
				sample("0d3e5f6a11", 8, 1_200, 120_000));

		assertThat(window.measured()).isFalse();
		assertThat(window.calls()).isNull();
		assertThat(window.networkBytes()).isNull();
		assertThat(window.warning()).startsWith("Redis restarted during the measurement window (run_id 4f1c2b9a… → 0d3e5f6a…")
			.endsWith("not measured");
	}

	/** A restart whose counters already passed the old ones would otherwise look like a small window. */
	@Test
	void aRestartIsSeenEvenWhenTheCountersGrewPastTheirOldValues() {
		RedisCommandStats.Window window = RedisCommandStats.between(sample("old", 3, 100, 1_000),
				sample("new", 10, 5_000, 90_000));

		assertThat(window.measured()).isFalse();
		assertThat(window.warning()).startsWith("Redis restarted");
	}

	@Test
	void countersThatWentBackWithoutARestartAreNotMeasured() {
		RedisCommandStats.Window commands = RedisCommandStats.between(sample("a1", 100, 1000, 50_000),
				sample("a1", 110, 10, 60_000));
		RedisCommandStats.Window bytes = RedisCommandStats.between(sample("a1", 100, 1000, 50_000),
				sample("a1", 110, 1200, 400));

		assertThat(commands.measured()).isFalse();
		assertThat(commands.warning()).contains("went back", "hgetall", "CONFIG RESETSTAT");
		assertThat(bytes.measured()).isFalse();
		assertThat(bytes.warning()).contains("total_net_input_bytes");
	}

	@Test
	void aRedisDownAtAnEdgeOfTheWindowIsNotMeasured() {
		assertThat(RedisCommandStats.between(null, sample("a1", 1, 1, 1)).warning()).contains("at the start");
		assertThat(RedisCommandStats.between(sample("a1", 1, 1, 1), null).warning()).contains("at the end");
	}

	@Test
	void readsRunIdAndUptimeFromInfoServer() {
		String info = "# Server\r\nredis_version:7.0.15\r\nrun_id:4f1c2b9a77e0\r\nuptime_in_seconds:42\r\n";

		assertThat(RedisCommandStats.field(info, "run_id")).isEqualTo("4f1c2b9a77e0");
		assertThat(RedisCommandStats.field(info, "uptime_in_seconds")).isEqualTo("42");
	}

	private static RedisCommandStats.Sample withOffset(String runId, Long offset) {
		return new RedisCommandStats.Sample(runId, 10, Map.of(), 0, offset);
	}

	/** master_repl_offset of the same primary before and after a window. */
	@Test
	void replicationBytesAreWhatThePrimarysOffsetAdvanced() {
		assertThat(RedisCommandStats.replicationBytes(withOffset("p", 1_843_112L), withOffset("p", 2_511_906L)))
			.isEqualTo(668_794L);
		assertThat(RedisCommandStats.replicationBytes(withOffset("p", 0L), withOffset("p", 0L)))
			.as("a Redis without replicas has no stream").isZero();
	}

	@Test
	void replicationBytesAreUnknownAcrossAFailoverOrWithoutTheOffset() {
		assertThat(RedisCommandStats.replicationBytes(withOffset("p", 500L), withOffset("q", 900L))).isNull();
		assertThat(RedisCommandStats.replicationBytes(withOffset("p", 900L), withOffset("p", 500L))).isNull();
		assertThat(RedisCommandStats.replicationBytes(withOffset("p", null), withOffset("p", 500L))).isNull();
		assertThat(RedisCommandStats.replicationBytes(null, withOffset("p", 500L))).isNull();
	}
}
