package org.authbench.harness.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.authbench.harness.http.Http;

/** Health of a stack member: an app's and nginx's {@code /actuator/health}, Redis's and a Sentinel's PING. */
final class Health {

	private Health() {
	}

	/** One check with a short timeout: "UP", or why not. */
	static String check(Member member) {
		try {
			return switch (member.role()) {
				case REDIS, SENTINEL -> ping(member.port());
				case APP -> http(member.port(), Duration.ofSeconds(2));
				// Through nginx to an instance: give it time to fail over from a frozen one.
				case NGINX -> http(member.port(), Duration.ofSeconds(10));
			};
		}
		catch (IOException ex) {
			return "down (" + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()) + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown (interrupted)";
		}
	}

	static boolean isUp(Member member) {
		return "UP".equals(check(member));
	}

	/** Waits until the member is healthy; fails early when its process has exited. */
	static void await(Member member, Duration timeout) {
		Instant start = Instant.now();
		Instant deadline = start.plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!Processes.isAlive(member)) {
				throw new StackException(member.name() + " exited while starting; last lines of " + member.log() + ":"
						+ System.lineSeparator() + Processes.tail(member.log(), 25));
			}
			if (isUp(member)) {
				return;
			}
			Processes.sleep(250);
		}
		throw new StackException(member.name() + " was not healthy within " + timeout.toSeconds() + " s ("
				+ check(member) + "); last lines of " + member.log() + ":" + System.lineSeparator()
				+ Processes.tail(member.log(), 25));
	}

	private static String http(int port, Duration timeout) throws IOException, InterruptedException {
		try {
			HttpResponse<String> response = Http.exchange(
					Http.request("http://127.0.0.1:" + port, "/actuator/health", timeout).build());
			return response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP"
					: "down (HTTP " + response.statusCode() + ")";
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return "no answer within " + timeout.toSeconds() + " s";
		}
	}

	private static String ping(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[64];
			int n = in.read(buffer);
			String reply = n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII).trim();
			return reply.equals("+PONG") ? "UP" : "down (" + reply + ")";
		}
		catch (java.net.SocketTimeoutException ex) {
			return "no answer within 1 s";
		}
	}
}
