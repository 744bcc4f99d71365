package org.authbench.harness.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

/**
 * One authenticated request straight to a fresh instance before it gets traffic: a login, then
 * a call that needs the credential (for jwt: the authorizer, which also reads the Redis denylist).
 * A cold JVM opens its Redis connection lazily and can take longer than the short Redis timeouts
 * on that first call; without this, the first client through nginx would pay for it (a 503, or
 * a read timeout that nginx takes for a dead instance).
 */
final class Warmup {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Warmup() {
	}

	/** Repeats login + one authenticated call until both answer 200, within {@code timeout}. */
	static void await(Member app, Variant.Credential credential, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		String last = "";
		while (Instant.now().isBefore(deadline)) {
			try {
				last = once(app.port(), credential);
				if (last.isEmpty()) {
					return;
				}
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StackException("interrupted while warming up " + app.name(), ex);
			}
			Processes.sleep(250);
		}
		throw new StackException(app.name() + " is healthy but did not serve an authenticated request within "
				+ timeout.toSeconds() + " s: " + last);
	}

	/** Empty when it worked, else what went wrong. */
	private static String once(int port, Variant.Credential credential) throws IOException, InterruptedException {
		String base = "http://127.0.0.1:" + port;
		HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"user0001\",\"password\":\"changeit\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 200) {
			return "login answered " + login.statusCode() + " " + login.body();
		}
		HttpRequest.Builder call = HttpRequest.newBuilder().timeout(Duration.ofSeconds(10));
		switch (credential) {
			case BEARER -> call.uri(URI.create(base + "/api/auth/authorize"))
				.header("Authorization", "Bearer " + JSON.readTree(login.body()).path("accessToken").asString(""));
			case COOKIE -> call.uri(URI.create(base + "/api/me"))
				.header("Cookie", String.join("; ", login.headers()
					.allValues("Set-Cookie")
					.stream()
					.map(cookie -> cookie.split(";", 2)[0])
					.toList()));
			case NONE -> call.uri(URI.create(base + "/api/me"));
		}
		HttpResponse<String> answer = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200 ? "" : "authenticated call answered " + answer.statusCode() + " " + answer.body();
	}
}
