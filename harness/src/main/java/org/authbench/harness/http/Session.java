package org.authbench.harness.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.authbench.harness.stack.Variant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of the API, holding its credential the way the variant hands it out
 * ({@link Variant#credential()}): cookies, with the CSRF header when the server sets an
 * {@code XSRF-TOKEN} cookie, or a bearer token. Like a browser it keeps every cookie an answer
 * sets. Every request asks for JSON.
 */
public final class Session {

	/** One answer; its headers are looked up without regard to case. */
	public record Answer(int status, HttpHeaders headers, String body) {

		public Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		public boolean isJson() {
			return header("Content-Type").map(type -> type.startsWith("application/json")).orElse(false);
		}

		/** The body as JSON; a null node when it is not JSON. */
		public JsonNode json() {
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final Variant.Credential kind;

	private final Duration timeout;

	private final CookieJar cookies = new CookieJar();

	private String accessToken;

	/** A session against {@code baseUrl} whose requests each give up after {@code timeout}. */
	public Session(String baseUrl, Variant.Credential kind, Duration timeout) {
		this.baseUrl = baseUrl;
		this.kind = kind;
		this.timeout = timeout;
	}

	/** Logs in; on a 200 of a bearer variant, keeps the access token (cookies are kept from any answer). */
	public Answer login(String username, String password) throws IOException {
		Answer answer = send("POST", "/api/auth/login",
				JSON.writeValueAsString(Map.of("username", username, "password", password)), Map.of());
		if (answer.status() == 200 && this.kind == Variant.Credential.BEARER) {
			this.accessToken = accessToken(answer.body());
		}
		return answer;
	}

	/** Whether the session holds what its variant hands out at login. */
	public boolean holdsCredential() {
		return switch (this.kind) {
			case NONE -> true;
			case COOKIE -> !this.cookies.isEmpty();
			case BEARER -> this.accessToken != null;
		};
	}

	/** The headers that present the credential: {@code Cookie} (and {@code X-XSRF-TOKEN}), or {@code Authorization}. */
	public Map<String, String> credentialHeaders() {
		Map<String, String> headers = this.cookies.requestHeaders();
		if (this.accessToken != null) {
			headers.put("Authorization", "Bearer " + this.accessToken);
		}
		return headers;
	}

	public Answer get(String path) throws IOException {
		return send("GET", path, null, Map.of());
	}

	/** Sends with the credential, a JSON body when {@code json} is not null, and these headers on top. */
	public Answer send(String method, String path, String json, Map<String, String> extraHeaders) throws IOException {
		HttpRequest.Builder request = Http.request(this.baseUrl, path, this.timeout).header("Accept", "application/json");
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		credentialHeaders().forEach(request::header);
		extraHeaders.forEach(request::header);
		try {
			HttpResponse<String> response = Http.exchange(request.build());
			response.headers().allValues("Set-Cookie").forEach(this.cookies::keep);
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for " + this.baseUrl + path);
		}
	}

	/** The {@code accessToken} of a login answer's body; null when it has none or is not JSON. */
	public static String accessToken(String loginBody) {
		try {
			String token = JSON.readTree(loginBody).path("accessToken").asString(null);
			return token == null || token.isBlank() ? null : token;
		}
		catch (JacksonException ex) {
			return null;
		}
	}
}
