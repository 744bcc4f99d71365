package org.authbench.harness.revocation;

import java.net.http.HttpHeaders;
import java.util.Base64;
import java.util.Map;

import org.authbench.harness.http.CookieJar;
import org.authbench.harness.http.Session;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.Variant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a login handed out, frozen: the request headers that present it (cookies with the CSRF
 * header, or a bearer token), so that the very same credential can be replayed on every
 * instance and after logout. Unlike a browser it never takes a new cookie from an answer.
 *
 * @param headers the headers to send with every request
 * @param expiresAt the access token's {@code exp} (epoch seconds), null for session cookies
 */
record Credential(Map<String, String> headers, Long expiresAt) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	Credential {
		headers = Map.copyOf(headers);
	}

	/** The credential of a successful login answer, as the variant hands it out. */
	static Credential of(Variant.Credential kind, HttpHeaders answerHeaders, String body) {
		return switch (kind) {
			case COOKIE -> cookies(answerHeaders);
			case BEARER -> bearer(body);
			case NONE -> throw new IllegalArgumentException("a variant without credential has nothing to revoke");
		};
	}

	private static Credential cookies(HttpHeaders answerHeaders) {
		CookieJar cookies = new CookieJar();
		answerHeaders.allValues("Set-Cookie").forEach(cookies::keep);
		if (cookies.isEmpty()) {
			throw new StackException("the login answer set no cookie: is this a session variant?");
		}
		return new Credential(cookies.requestHeaders(), null);
	}

	private static Credential bearer(String body) {
		String token = Session.accessToken(body);
		if (token == null) {
			throw new StackException("the login answer holds no accessToken: is this the jwt variant?");
		}
		return new Credential(Map.of("Authorization", "Bearer " + token), expiry(token));
	}

	/**
	 * The {@code exp} claim of a JWT (epoch seconds), read from its payload without checking the
	 * signature: the probe only needs to know how long the issuer let the token live.
	 * @throws IllegalArgumentException if the token is not a JWT or its payload has no numeric exp
	 */
	static long expiry(String token) {
		String[] parts = token.split("\\.");
		if (parts.length < 2) {
			throw new IllegalArgumentException("not a JWT: expected header.payload.signature");
		}
		JsonNode payload;
		try {
			payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new IllegalArgumentException("not a JWT: the payload is not base64url JSON", ex);
		}
		JsonNode exp = payload.get("exp");
		if (exp == null || !exp.isNumber()) {
			throw new IllegalArgumentException("the access token has no numeric exp claim");
		}
		return exp.asLong();
	}
}
