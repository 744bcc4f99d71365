package org.authbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API contract, holding one user's credential the way the
 * variant hands it out: a session cookie, a bearer token, or nothing (baseline).
 */
public final class ApiClient {

	/** How a variant's credential travels. */
	public enum CredentialKind {

		NONE, COOKIE, BEARER

	}

	/** One HTTP answer, its body parsed as JSON when there is one. */
	public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		public boolean isJson() {
			return header("Content-Type").map(type -> type.startsWith("application/json")).orElse(false);
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	private final CredentialKind kind;

	private String cookie;

	private String accessToken;

	private String refreshToken;

	public ApiClient(String baseUrl, CredentialKind kind) {
		this.baseUrl = baseUrl;
		this.kind = kind;
	}

	/** Logs in and keeps the credential the answer carries. */
	public Answer login(String username, String password) {
		Answer answer = send("POST", "/api/auth/login",
				JSON.writeValueAsString(Map.of("username", username, "password", password)), false);
		if (answer.status() == 200) {
			switch (this.kind) {
				case COOKIE -> this.cookie = answer.header("Set-Cookie")
					.map(header -> header.split(";", 2)[0])
					.orElseThrow(() -> new AssertionError("login answered 200 without Set-Cookie"));
				case BEARER -> {
					this.accessToken = answer.json().get("accessToken").asString();
					this.refreshToken = answer.json().get("refreshToken").asString();
				}
				case NONE -> {
				}
			}
		}
		return answer;
	}

	public Answer get(String path) {
		return send("GET", path, null, true);
	}

	public Answer post(String path, String json) {
		return send("POST", path, json, true);
	}

	/** Sends without any credential, whatever this client holds. */
	public Answer anonymous(String method, String path, String json) {
		return send(method, path, json, false);
	}

	/** The session cookie as {@code NAME=value}, or null. */
	public String cookie() {
		return this.cookie;
	}

	public String accessToken() {
		return this.accessToken;
	}

	public String refreshToken() {
		return this.refreshToken;
	}

	/** Another client (another base URL: another instance) holding the same credential. */
	public ApiClient sameCredentialAt(String otherBaseUrl) {
		ApiClient copy = new ApiClient(otherBaseUrl, this.kind);
		copy.cookie = this.cookie;
		copy.accessToken = this.accessToken;
		copy.refreshToken = this.refreshToken;
		return copy;
	}

	/** Replaces the bearer token, e.g. with a forged one. */
	public ApiClient withAccessToken(String token) {
		ApiClient copy = sameCredentialAt(this.baseUrl);
		copy.accessToken = token;
		return copy;
	}

	public Answer send(String method, String path, String json, boolean withCredential) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json, text/plain;q=0.5");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (withCredential && this.cookie != null) {
			request.header("Cookie", this.cookie);
		}
		if (withCredential && this.accessToken != null) {
			request.header("Authorization", "Bearer " + this.accessToken);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + this.baseUrl + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}
}
