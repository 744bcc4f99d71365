package org.authbench.harness.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session against an in-JVM HTTP server that answers a login the way each kind of variant does. */
class SessionTests {

	private final ConcurrentLinkedQueue<HttpExchange> seen = new ConcurrentLinkedQueue<>();

	private HttpServer server;

	private String base;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/cookie/api/auth/login", exchange -> {
			exchange.getResponseHeaders().add("Set-Cookie", "SESSION=s1; Path=/; HttpOnly");
			exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=x1; Path=/");
			answer(exchange, 200, "{\"username\":\"user0001\"}");
		});
		this.server.createContext("/bearer/api/auth/login",
				exchange -> answer(exchange, 200, "{\"accessToken\":\"a.b.c\",\"expiresIn\":900}"));
		this.server.createContext("/", exchange -> answer(exchange, 200, "{}"));
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aCookieSessionSendsItsCookiesAndTheCsrfHeaderAfterLogin() throws IOException {
		Session session = new Session(this.base + "/cookie", Variant.Credential.COOKIE, Duration.ofSeconds(5));

		Session.Answer login = session.login("user0001", "changeit");
		session.send("POST", "/api/items", "{}", Map.of());

		assertThat(login.status()).isEqualTo(200);
		assertThat(session.holdsCredential()).isTrue();
		assertThat(session.credentialHeaders()).containsEntry("Cookie", "SESSION=s1; XSRF-TOKEN=x1")
			.containsEntry("X-XSRF-TOKEN", "x1")
			.doesNotContainKey("Authorization");
		HttpExchange write = last();
		assertThat(write.getRequestHeaders().getFirst("Cookie")).isEqualTo("SESSION=s1; XSRF-TOKEN=x1");
		assertThat(write.getRequestHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("x1");
		assertThat(write.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void aBearerSessionSendsItsAccessTokenAfterLogin() throws IOException {
		Session session = new Session(this.base + "/bearer", Variant.Credential.BEARER, Duration.ofSeconds(5));
		assertThat(session.holdsCredential()).isFalse();

		session.login("user0001", "changeit");
		Session.Answer me = session.get("/api/me");

		assertThat(session.holdsCredential()).isTrue();
		assertThat(session.credentialHeaders()).containsExactly(Map.entry("Authorization", "Bearer a.b.c"));
		assertThat(me.isJson()).isTrue();
		assertThat(last().getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer a.b.c");
		assertThat(last().getRequestHeaders().getFirst("Accept")).isEqualTo("application/json");
	}

	@Test
	void anAnswerWithoutAnAccessTokenGivesNone() {
		assertThat(Session.accessToken("{\"accessToken\":\"a.b.c\"}")).isEqualTo("a.b.c");
		assertThat(Session.accessToken("{\"accessToken\":\" \"}")).isNull();
		assertThat(Session.accessToken("{}")).isNull();
		assertThat(Session.accessToken("<html>not json</html>")).isNull();
	}

	@Test
	void headersAreFoundWithoutRegardToCase() {
		HttpHeaders headers = HttpHeaders.of(Map.of("content-type", List.of("application/json;charset=UTF-8")),
				(name, value) -> true);

		assertThat(new Session.Answer(200, headers, "{\"x\":1}").header("Content-Type"))
			.contains("application/json;charset=UTF-8");
		assertThat(new Session.Answer(200, headers, "{\"x\":1}").isJson()).isTrue();
		assertThat(new Session.Answer(200, headers, "not json").json().isNull()).isTrue();
	}

	@Test
	void aProcessThatCannotBeReachedIsNamedInTheException() {
		int port = this.server.getAddress().getPort();
		this.server.stop(0);

		assertThatThrownBy(() -> Http.send(Http.request("http://127.0.0.1:" + port, "/api/me", Duration.ofSeconds(5))
			.build(), "app-1"))
			.isInstanceOf(StackException.class)
			.hasMessageStartingWith("cannot reach app-1 at http://127.0.0.1:" + port + "/api/me")
			.hasMessageEndingWith("(is the stack up?)");
	}

	private HttpExchange last() {
		return this.seen.stream().reduce((first, second) -> second).orElseThrow();
	}

	private void answer(HttpExchange exchange, int status, String json) throws IOException {
		this.seen.add(exchange);
		exchange.getRequestBody().readAllBytes();
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}
}
