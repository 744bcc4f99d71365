package org.authbench.harness.drill;

import java.time.Duration;
import java.util.Arrays;

import org.authbench.testsupport.FreePorts;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault injector against a real Redis: what goes through it arrives, later when told so. */
class RedisLatencyProxyIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@Test
	void addsTheSetLatencyToEachRoundTripAndRemovesItAgain() {
		try (RedisLatencyProxy proxy = RedisLatencyProxy.start(FreePorts.next(), redis.host(), redis.port());
				Jedis client = new Jedis("127.0.0.1", proxy.port(), 5000)) {
			client.set("key", "value");
			double none = medianPingMillis(client);

			proxy.setLatency(Duration.ofMillis(20));
			double delayed = medianPingMillis(client);
			proxy.setLatency(Duration.ZERO);
			double removed = medianPingMillis(client);

			assertThat(client.get("key")).isEqualTo("value");
			assertThat(delayed - none).as("a 20 ms delay (±20%% jitter) on every round trip").isGreaterThan(12);
			assertThat(removed).isLessThan(delayed - 12);
		}
	}

	private static double medianPingMillis(Jedis client) {
		double[] millis = new double[21];
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			client.ping();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis[millis.length / 2];
	}
}
