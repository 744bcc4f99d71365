package org.authbench.harness.revocation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.StackState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's check right after a logout, against an in-JVM HTTP server that answers the
 * session API the way a cookie (or bearer) variant does, except that {@code /api/me} for a
 * logged-out credential first answers 503 a set number of times (a Redis command past its
 * timeout, seen in CI), or keeps answering 200 (a logout that leaves the token working). The probe
 * against real stacks: RevocationProbeIntegrationTests, RedisSentinelIntegrationTests.
 */
class FailoverProbeTests {

	/** Per session id: whether it was logged out. */
	private final Map<String, Boolean> loggedOut = new ConcurrentHashMap<>();

	/** Per session id: how many 503s its {@code /api/me} still answers once logged out. */
	private final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();

	private final AtomicInteger sessions = new AtomicInteger();

	private volatile int busyAnswers;

	/** Whether a logged-out credential keeps working (jwt with revocation none). */
	private volatile boolean acceptedAfterLogout;

	/** Whether {@code /api/me} closes a logged-out credential's connection without an answer. */
	private volatile boolean silentAfterLogout;

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
			answer(exchange, 200, "{\"accessToken\":\"" + token(id) + "\"}");
		});
		this.server.createContext("/api/auth/logout", exchange -> {
			this.loggedOut.put(session(exchange), true);
			answer(exchange, 204, null);
		});
		this.server.createContext("/api/me", exchange -> {
			String id = session(exchange);
			if (this.loggedOut.get(id) && this.silentAfterLogout) {
				exchange.close();
			}
			else if (!this.loggedOut.get(id) || this.acceptedAfterLogout) {
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

	/** A check that never gets an answer leaves the credential out (0: no answer) and the probe is still made. */
	@Test
	void aCheckAfterALogoutThatNeverGetsAnAnswerIsLeftOutAsUnanswered() {
		this.silentAfterLogout = true;

		FailoverProbe probe = FailoverProbe.logIn(this.state, 4).logOutHalf();

		assertThat(probe.unconfirmed()).containsExactly(0, 0);
		assertThat(probe.loggedOut()).isTrue();
	}

	/**
	 * A logout that leaves the token working is what jwt with revocation none does: no credential
	 * it logged out is reported as not refused. The same answers under jwt's default mode
	 * (denylist) are reported, each with its 200.
	 */
	@Test
	void aLogoutThatLeavesTheTokenWorkingIsReportedOnlyWhereTheModeRevokes() {
		this.acceptedAfterLogout = true;

		FailoverProbe none = FailoverProbe.logIn(jwt(Map.of("AUTHBENCH_JWT_REVOCATION", "none")), 4).logOutHalf();
		FailoverProbe denylist = FailoverProbe.logIn(jwt(Map.of()), 4).logOutHalf();

		assertThat(none.unconfirmed()).isEmpty();
		assertThat(none.check(Duration.ofSeconds(5))).isEqualTo(new FailoverProbe.Result(2, 0, 0, 0, 0));
		assertThat(denylist.unconfirmed()).containsExactly(200, 200);
	}

	/** A jwt stack of one instance with these settings, whose nginx is the stand-in server. */
	private StackState jwt(Map<String, String> env) {
		Member app = new Member("app-1", Member.Role.APP, 0, 0, 0, List.of(), env, "/nonexistent");
		return new StackState("jwt", "round-robin", this.server.getAddress().getPort(), "/nonexistent", 10, List.of(app));
	}

	/** An unsigned JWT-shaped token whose id is the session's, living 15 minutes. */
	private static String token(String id) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String payload = "{\"jti\":\"%s\",\"exp\":%d}".formatted(id, Instant.now().plusSeconds(900).getEpochSecond());
		return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + id;
	}

	/** The session id a request presents: its SESSION cookie, or its bearer token's last part. */
	private static String session(HttpExchange exchange) {
		String bearer = exchange.getRequestHeaders().getFirst("Authorization");
		if (bearer != null) {
			return bearer.substring(bearer.lastIndexOf('.') + 1);
		}
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
