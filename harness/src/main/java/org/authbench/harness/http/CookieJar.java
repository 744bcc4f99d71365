package org.authbench.harness.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies a session variant hands out, as a client keeps them, and the request headers that
 * present them: {@code Cookie}, and {@code X-XSRF-TOKEN} when the server set an
 * {@code XSRF-TOKEN} cookie (Spring's SPA CSRF convention).
 */
public final class CookieJar {

	private final Map<String, String> cookies = new LinkedHashMap<>();

	/** Keeps one {@code Set-Cookie} answer header: adds or replaces it, or drops it when it expires it. */
	public void keep(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int eq = pair.indexOf('=');
		if (eq <= 0) {
			return;
		}
		String name = pair.substring(0, eq).trim();
		String value = pair.substring(eq + 1).trim();
		if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	public boolean isEmpty() {
		return this.cookies.isEmpty();
	}

	/** The headers that present the cookies kept so far; empty when there are none. */
	public Map<String, String> requestHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.cookies.isEmpty()) {
			return headers;
		}
		headers.put("Cookie", this.cookies.entrySet()
			.stream()
			.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; ")));
		String csrf = this.cookies.get("XSRF-TOKEN");
		if (csrf != null) {
			headers.put("X-XSRF-TOKEN", csrf);
		}
		return headers;
	}
}
