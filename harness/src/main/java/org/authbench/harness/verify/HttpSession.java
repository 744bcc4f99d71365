package org.authbench.harness.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.authbench.harness.stack.Variant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of the API, holding its credential the way the variant hands it out: cookies
 * (with the CSRF header when the server sets an {@code XSRF-TOKEN} cookie) or a bearer token.
 */
final class HttpSession {

	/** One answer. */
	record Answer(int status, HttpResponseHeaders headers, String body) {

		Optional<String> header(String name) {
			return this.headers.first(name);
		}

		boolean isJson() {
			return header("Content-Type").map(type -> type.startsWith("application/json")).orElse(false);
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (RuntimeException ex) {
				return JSON.nullNode();
			}
		}

		@Override
		public String toString() {
			String shown = this.body.length() > 200 ? this.body.substring(0, 200) + "…" : this.body;
			return this.status + " " + shown.strip();
		}
	}

	/** Response headers, looked up without regard to case. */
	record HttpResponseHeaders(Map<String, List<String>> map) {

		Optional<String> first(String name) {
			return this.map.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.flatMap(entry -> entry.getValue().stream())
				.findFirst();
		}

		List<String> all(String name) {
			return this.map.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.flatMap(entry -> entry.getValue().stream())
				.toList();
		}
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	private final Variant.Credential kind;

	private final CookieJar cookies = new CookieJar();

	private String accessToken;

	HttpSession(String baseUrl, Variant.Credential kind) {
		this.baseUrl = baseUrl;
		this.kind = kind;
	}

	Answer login(String username, String password) throws IOException {
		Answer answer = send("POST", "/api/auth/login",
				JSON.writeValueAsString(Map.of("username", username, "password", password)), Map.of());
		if (answer.status() == 200 && this.kind == Variant.Credential.BEARER) {
			this.accessToken = answer.json().path("accessToken").asString(null);
		}
		return answer;
	}

	boolean holdsCredential() {
		return switch (this.kind) {
			case NONE -> true;
			case COOKIE -> !this.cookies.isEmpty();
			case BEARER -> this.accessToken != null;
		};
	}

	Answer get(String path) throws IOException {
		return send("GET", path, null, Map.of());
	}

	Answer send(String method, String path, String json, Map<String, String> extraHeaders) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json");
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		this.cookies.requestHeaders().forEach(request::header);
		if (this.accessToken != null) {
			request.header("Authorization", "Bearer " + this.accessToken);
		}
		extraHeaders.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponseHeaders headers = new HttpResponseHeaders(response.headers().map());
			headers.all("Set-Cookie").forEach(this.cookies::keep);
			return new Answer(response.statusCode(), headers, response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}
}
