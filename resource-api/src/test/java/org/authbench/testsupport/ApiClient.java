package org.authbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API contract, holding one user's credential the way the
 * variant hands it out: a session cookie, a bearer token, or nothing (baseline).
 *
 * <p>A cookie client behaves like a browser-side SPA: it keeps the session cookie and the
 * {@code XSRF-TOKEN} cookie from the login answer, sends both back, and copies the token into
 * the {@code X-XSRF-TOKEN} header of every state-changing call (POST, PUT, PATCH, DELETE).
 */
public final class ApiClient {

	/** How a variant's credential travels. */
	public enum CredentialKind {

		NONE, COOKIE, BEARER

	}

	/** One HTTP answer, its body parsed as JSON when there is one. */
	public record Answer(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public Optional<String> header(String name) {
			return headers(name).stream().findFirst();
		}

		/** Every value of a header that may repeat, e.g. {@code Set-Cookie}. */
		public List<String> headers(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.toList();
		}

		/** The {@code Set-Cookie} header that sets the named cookie, if any. */
		public Optional<String> setCookie(String cookieName) {
			return headers("Set-Cookie").stream().filter(h -> h.startsWith(cookieName + "=")).findFirst();
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

	/** The CSRF token cookie of the SPA convention; its value goes back as {@link #XSRF_HEADER}. */
	public static final String XSRF_COOKIE = "XSRF-TOKEN";

	public static final String XSRF_HEADER = "X-XSRF-TOKEN";

	private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private String cookie;

	private String xsrfToken;

	/** When set, sent as the header instead of {@link #xsrfToken} (a forged or stale token). */
	private String xsrfHeader;

	private String accessToken;

	private String refreshToken;

	public ApiClient(String baseUrl, CredentialKind kind) {
		this.baseUrl = baseUrl;
		this.kind = kind;
	}

	/**
	 * Logs in and keeps the credential the answer carries. A cookie client sends the cookies it
	 * already holds, as a browser would (that is how a planted session id reaches a login).
	 */
	public Answer login(String username, String password) {
		Answer answer = send("POST", "/api/auth/login",
				JSON.writeValueAsString(Map.of("username", username, "password", password)),
				this.kind == CredentialKind.COOKIE);
		if (answer.status() == 200) {
			switch (this.kind) {
				case COOKIE -> keepCookies(answer);
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

	private void keepCookies(Answer login) {
		String session = null;
		for (String header : login.headers("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			if (pair.startsWith(XSRF_COOKIE + "=")) {
				this.xsrfToken = pair.substring(XSRF_COOKIE.length() + 1);
			}
			else {
				session = pair;
			}
		}
		if (session == null) {
			throw new AssertionError("login answered 200 without a session Set-Cookie: " + login.headers());
		}
		this.cookie = session;
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

	/** The CSRF token from the {@code XSRF-TOKEN} cookie of the login answer, or null. */
	public String xsrfToken() {
		return this.xsrfToken;
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
		copy.xsrfToken = this.xsrfToken;
		copy.accessToken = this.accessToken;
		copy.refreshToken = this.refreshToken;
		return copy;
	}

	/** Replaces the bearer token, e.g. with a forged one. */
	public ApiClient withAccessToken(String token) {
		return copyWith(copy -> copy.accessToken = token);
	}

	/** The same client with another session cookie ({@code NAME=value}), e.g. one planted before login. */
	public ApiClient withCookie(String sessionCookie) {
		return copyWith(copy -> copy.cookie = sessionCookie);
	}

	/** The same client with another CSRF token (cookie and header), or none at all when null. */
	public ApiClient withXsrfToken(String token) {
		return copyWith(copy -> copy.xsrfToken = token);
	}

	/** The same client sending its CSRF token cookie but the given value in the header. */
	public ApiClient withXsrfHeader(String headerValue) {
		return copyWith(copy -> copy.xsrfHeader = headerValue);
	}

	/** A copy of this client (same base URL, same credential) with one thing changed. */
	private ApiClient copyWith(Consumer<ApiClient> change) {
		ApiClient copy = sameCredentialAt(this.baseUrl);
		change.accept(copy);
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
		if (withCredential) {
			List<String> cookies = new ArrayList<>();
			if (this.cookie != null) {
				cookies.add(this.cookie);
			}
			if (this.xsrfToken != null) {
				cookies.add(XSRF_COOKIE + "=" + this.xsrfToken);
			}
			if (!cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", cookies));
			}
			String token = this.xsrfHeader != null ? this.xsrfHeader : this.xsrfToken;
			if (token != null && STATE_CHANGING.contains(method)) {
				request.header(XSRF_HEADER, token);
			}
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
