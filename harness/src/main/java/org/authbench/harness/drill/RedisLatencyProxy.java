package org.authbench.harness.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy between the apps and Redis (NetCrusher) that adds an adjustable delay, with
 * jitter, to every round trip. {@code tc netem} is not available on this machine; a proxy in
 * user space is. The reactor ticks every millisecond (NetCrusher's default of 20 ms would add
 * about 20 ms per round trip); the proxy itself costs about 0.2 ms per round trip (measured on
 * a PING here, docs/design.md §5), also at latency 0, so a latency drill compares against its own 0 ms
 * phase, not against a run without the proxy.
 */
public final class RedisLatencyProxy implements AutoCloseable {

	/** Jitter: each delay is drawn uniformly from ±this share around the set latency. */
	static final double JITTER = 0.2;

	private final NioReactor reactor;

	private final TcpCrusher crusher;

	private final AtomicLong delayNanos;

	private final int port;

	private RedisLatencyProxy(NioReactor reactor, TcpCrusher crusher, AtomicLong delayNanos, int port) {
		this.reactor = reactor;
		this.crusher = crusher;
		this.delayNanos = delayNanos;
		this.port = port;
	}

	/** Listens on 127.0.0.1:{@code listenPort} and forwards to Redis, with no delay yet. */
	public static RedisLatencyProxy start(int listenPort, String redisHost, int redisPort) {
		try {
			NioReactor reactor = new NioReactor(1);
			AtomicLong delay = new AtomicLong();
			Throttler throttler = new AdjustableDelay(delay);
			TcpCrusher crusher = TcpCrusherBuilder.builder()
				.withReactor(reactor)
				.withBindAddress("127.0.0.1", listenPort)
				.withConnectAddress(redisHost, redisPort)
				.withTcpNoDelay(true)
				.withIncomingThrottlerFactory(key -> throttler)
				.buildAndOpen();
			return new RedisLatencyProxy(reactor, crusher, delay, listenPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the Redis latency proxy on port " + listenPort, ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** Sets the delay added to each round trip; zero turns it off. Applies to open connections at once. */
	public void setLatency(Duration latency) {
		this.delayNanos.set(latency.toNanos());
	}

	public Duration latency() {
		return Duration.ofNanos(this.delayNanos.get());
	}

	@Override
	public void close() {
		this.crusher.close();
		this.reactor.close();
	}

	/** Delays the data Redis sends back, so every command's round trip gets the delay once. */
	private static final class AdjustableDelay implements Throttler {

		private final AtomicLong delayNanos;

		AdjustableDelay(AtomicLong delayNanos) {
			this.delayNanos = delayNanos;
		}

		@Override
		public long calculateDelayNs(ByteBuffer buffer) {
			long delay = this.delayNanos.get();
			if (delay == 0) {
				return 0;
			}
			double factor = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
			return (long) (delay * factor);
		}
	}
}
