package org.authbench.harness.revocation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.authbench.harness.stack.StackState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's check right after a logout, against an in-JVM HTTP server that answers the
 * session API the way a cookie variant does, except that {@code /api/me} for a logged-out session
 * first answers 503 a set number of times (a Redis command past its timeout, seen in CI). The
 * probe against real stacks: RevocationProbeIntegrationTests, RedisSentinelIntegrationTests.
 */
class FailoverProbeTests {

	/** Per session id: whether it was logged out. */
	private final Map<String, Boolean> loggedOut = new ConcurrentHashMap<>();

	/** Per session id: how many 503s its {@code /api/me} still answers once logged out. */
	private final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();

	private final AtomicInteger sessions = new AtomicInteger();

	private volatile int busyAnswers;

	private HttpServer server;

	private StackState state;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/auth/login", exchange -> {
			String id = "s" + this.sessions.incrementAndGet();
			this.loggedOut.put(id, false);
			this.unavailable.put(id, new AtomicInteger(this.busyAnswers));
			exchange.getResponseHeaders().add("Set-Cookie", "SESSION=" + id + "; Path=/; HttpOnly");
			exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=x" + id + "; Path=/");
			answer(exchange, 200, "{}");
		});
		this.server.createContext("/api/auth/logout", exchange -> {
			this.loggedOut.put(session(exchange), true);
			answer(exchange, 204, null);
		});
		this.server.createContext("/api/me", exchange -> {
			String id = session(exchange);
			if (!this.loggedOut.get(id)) {
				answer(exchange, 200, "{}");
			}
			else if (this.unavailable.get(id).getAndDecrement() > 0) {
				answer(exchange, 503, "{\"error\":\"redis unavailable\"}");
			}
			else {
				answer(exchange, 401, "{}");
			}
		});
		this.server.start();
		this.state = new StackState("sticky", "round-robin", this.server.getAddress().getPort(), "/nonexistent", 10,
				List.of());
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aCheckAfterALogoutThatAnswers503IsAskedAgainAndTheCredentialCountsAsRevoked() {
		this.busyAnswers = FailoverProbe.ATTEMPTS - 1;

		FailoverProbe probe = FailoverProbe.logIn(this.state, 4).logOutHalf();

		assertThat(probe.unconfirmed()).isEmpty();
		assertThat(probe.check(Duration.ofSeconds(5))).as("2 live, 2 logged out and refused")
			.isEqualTo(new FailoverProbe.Result(2, 0, 2, 0, 0));
	}

	@Test
	void aLoggedOutCredentialNeverRefusedIsLeftOutOfTheRevokedOnesAndSaidWithItsAnswer() {
		this.busyAnswers = FailoverProbe.ATTEMPTS;

		FailoverProbe probe = FailoverProbe.logIn(this.state, 4).logOutHalf();

		assertThat(probe.unconfirmed()).as("what /api/me answered the two logged-out ones").containsExactly(503, 503);
		assertThat(probe.check(Duration.ofSeconds(5)).revokedChecked()).isZero();
	}

	private static String session(HttpExchange exchange) {
		String cookies = String.join(";", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
		for (String cookie : cookies.split(";")) {
			String[] pair = cookie.trim().split("=", 2);
			if (pair[0].equals("SESSION")) {
				return pair[1];
			}
		}
		throw new IllegalStateException("no SESSION cookie in " + cookies);
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		exchange.getRequestBody().readAllBytes();
		if (json == null) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}
}
