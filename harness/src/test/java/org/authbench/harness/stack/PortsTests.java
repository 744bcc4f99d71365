package org.authbench.harness.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A port taken by a listener: refused at once, waited for when it is released soon, explained when not. */
class PortsTests {

	private static ServerSocket listen() throws Exception {
		ServerSocket socket = new ServerSocket();
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		return socket;
	}

	@Test
	void aPortReleasedWithinTheWaitIsTakenAndOneThatStaysTakenIsExplained() throws Exception {
		ServerSocket held = listen();
		int port = held.getLocalPort();
		assertThatThrownBy(() -> Ports.requireFree(port, "app-1")).isInstanceOf(StackException.class)
			.hasMessageContaining("port " + port + " (app-1) is in use");

		CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
			try {
				held.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
		long start = System.nanoTime();
		Ports.awaitFree(port, "app-1", Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited for the release")
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
		release.join();

		try (ServerSocket stays = listen()) {
			assertThatThrownBy(() -> Ports.awaitFree(stays.getLocalPort(), "redis", Duration.ofMillis(300)))
				.isInstanceOf(StackException.class)
				.hasMessageContaining("still after 0.3 s; ss -tanp:")
				.hasMessageContaining("LISTEN");
		}
	}
}
