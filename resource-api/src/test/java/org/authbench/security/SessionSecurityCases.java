package org.authbench.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md cases 18 and 19 for the session variants, written once: the session id changes
 * at login, the cookies' flags, CSRF protection of state-changing calls, and no secret in the
 * log. Each session variant has a subclass that says how to start it; the tests run against
 * real instances over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
public abstract class SessionSecurityCases {

	protected static final String PASSWORD = "changeit";

	private static final String ITEM = "{\"name\":\"lamp\",\"price\":12.5}";

	private ConfigurableApplicationContext app;

	/** Starts the variant with these arguments added to what it needs itself (e.g. Redis). */
	protected abstract ConfigurableApplicationContext start(String... args);

	/** The name of the variant's session cookie, e.g. {@code JSESSIONID}. */
	protected abstract String sessionCookieName();

	@BeforeAll
	void startApp() {
		this.app = startWith();
	}

	@AfterAll
	protected void stopApp() {
		if (this.app != null) {
			this.app.close();
		}
	}

	private ConfigurableApplicationContext startWith(String... args) {
		String[] common = { "--server.port=0", "--authbench.users.hash-cost=4" };
		return start(Stream.concat(Arrays.stream(common), Arrays.stream(args)).toArray(String[]::new));
	}

	private static String url(ConfigurableApplicationContext app) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private ApiClient client() {
		return new ApiClient(url(this.app), CredentialKind.COOKIE);
	}

	private ApiClient loggedIn(String user) {
		ApiClient client = client();
		assertThat(client.login(user, PASSWORD).status()).isEqualTo(200);
		return client;
	}

	/** The attributes of a Set-Cookie header after the value, lower case: {@code httponly}, {@code path=/}… */
	private static List<String> attributes(String setCookie) {
		return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
	}

	private static String decodedOrSelf(String cookieValue) {
		try {
			return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.ISO_8859_1);
		}
		catch (IllegalArgumentException notBase64) {
			return cookieValue;
		}
	}

	@Test
	void aSessionIdThatExistedBeforeLoginDoesNotSurviveIt() {
		String planted = loggedIn("user0101").cookie();
		ApiClient victim = client().withCookie(planted);

		Answer login = victim.login("user0102", PASSWORD);
		Answer withNewId = victim.get("/api/me");
		Answer withOldId = client().withCookie(planted).get("/api/me");

		assertThat(login.status()).isEqualTo(200);
		assertThat(victim.cookie()).startsWith(sessionCookieName() + "=").isNotEqualTo(planted);
		assertThat(withNewId.json().get("username").asString()).isEqualTo("user0102");
		assertThat(withOldId.status()).isEqualTo(401);
		assertThat(withOldId.isJson()).isTrue();
	}

	@Test
	void noSessionIdIsEverWrittenIntoAUrl() {
		ServletContext servlets = ((WebApplicationContext) this.app).getServletContext();

		assertThat(servlets.getEffectiveSessionTrackingModes()).as("sessions are tracked by cookie only")
			.containsExactly(SessionTrackingMode.COOKIE);
		assertThat(this.app.getBean(FilterChainProxy.class).getFilters("/api/items"))
			.extracting(filter -> filter.getClass().getSimpleName())
			.as("with no URL rewriting, nothing for DisableEncodeUrlFilter to stop; SessionCredentials changes the id")
			.doesNotContain("DisableEncodeUrlFilter", "SessionManagementFilter")
			.contains("CsrfFilter");
	}

	@Test
	void cookiesAreHttpOnlySameSiteLaxOnPathRootAndNotSecureByDefault() {
		Answer login = client().login("user0103", PASSWORD);

		List<String> session = attributes(login.setCookie(sessionCookieName()).orElseThrow());
		List<String> xsrf = attributes(login.setCookie(ApiClient.XSRF_COOKIE).orElseThrow());

		assertThat(session).contains("httponly", "samesite=lax", "path=/").doesNotContain("secure");
		assertThat(xsrf).as("a SPA reads the token from the cookie: not HttpOnly")
			.contains("samesite=lax", "path=/")
			.doesNotContain("httponly", "secure");
	}

	@Test
	void cookiesAreSecureWhenTheSettingSaysSo() {
		ConfigurableApplicationContext secure = startWith("--AUTHBENCH_COOKIE_SECURE=true");
		try {
			Answer login = new ApiClient(url(secure), CredentialKind.COOKIE).login("user0104", PASSWORD);

			assertThat(attributes(login.setCookie(sessionCookieName()).orElseThrow())).contains("secure", "httponly");
			assertThat(attributes(login.setCookie(ApiClient.XSRF_COOKIE).orElseThrow())).contains("secure");
		}
		finally {
			secure.close();
		}
	}

	@Test
	void loginNeedsNoCsrfTokenAndHandsOutAFreshOne() {
		ApiClient client = loggedIn("user0105");
		String first = client.xsrfToken();

		Answer again = client.login("user0105", PASSWORD);

		assertThat(first).isNotBlank();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.headers("Set-Cookie")).filteredOn(c -> c.startsWith(ApiClient.XSRF_COOKIE + "=")).hasSize(1);
		assertThat(client.xsrfToken()).isNotBlank().isNotEqualTo(first);
	}

	@Test
	void aWriteWithTheSessionCookieButNoOrAWrongCsrfTokenIsAJson403() {
		ApiClient client = loggedIn("user0106");

		Answer noToken = client.withXsrfToken(null).post("/api/items", ITEM);
		Answer wrongToken = client.withXsrfHeader("not-the-token").post("/api/items", ITEM);
		Answer read = client.withXsrfToken(null).get("/api/items");
		Answer withToken = client.post("/api/items", ITEM);

		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.isJson()).isTrue();
		assertThat(noToken.json().get("message").asString()).contains("CSRF");
		assertThat(wrongToken.status()).isEqualTo(403);
		assertThat(wrongToken.isJson()).isTrue();
		assertThat(read.status()).as("reads need no token").isEqualTo(200);
		assertThat(read.setCookie(ApiClient.XSRF_COOKIE)).as("a caller without the token cookie gets one in any answer")
			.hasValueSatisfying(c -> assertThat(c).startsWith(ApiClient.XSRF_COOKIE + "=").doesNotStartWith(ApiClient.XSRF_COOKIE + "=;"));
		assertThat(withToken.status()).isEqualTo(201);
		assertThat(client.get("/api/items").setCookie(ApiClient.XSRF_COOKIE)).as("a caller with it gets no other").isEmpty();
	}

	@Test
	void logoutWithoutTheCsrfTokenIsRefusedAndTheSessionLivesOn() {
		ApiClient client = loggedIn("user0107");

		Answer forged = client.withXsrfToken(null).post("/api/auth/logout", null);
		Answer stillIn = client.get("/api/me");
		Answer logout = client.post("/api/auth/logout", null);
		Answer after = client.get("/api/me");

		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.isJson()).isTrue();
		assertThat(stillIn.status()).isEqualTo(200);
		assertThat(logout.status()).isEqualTo(204);
		assertThat(logout.setCookie(ApiClient.XSRF_COOKIE)).as("logout clears the token cookie")
			.hasValueSatisfying(c -> assertThat(c).startsWith(ApiClient.XSRF_COOKIE + "=;")
				.containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970"));
		assertThat(after.status()).isEqualTo(401);
	}

	@Test
	void noPasswordSessionIdOrCsrfTokenReachesTheLog(CapturedOutput log) {
		ApiClient client = loggedIn("user0108");
		client().login("user0108", "wrong-password-" + 4711);
		client.withXsrfToken(null).post("/api/items", ITEM);
		client.post("/api/auth/logout", null);
		String cookieValue = client.cookie().substring(client.cookie().indexOf('=') + 1);

		String output = log.getAll();

		assertThat(output).doesNotContain(PASSWORD).doesNotContain("wrong-password-4711");
		assertThat(output).doesNotContain(cookieValue).doesNotContain(client.xsrfToken());
		assertThat(output).as("Spring Session's cookie holds the id base64-encoded")
			.doesNotContain(decodedOrSelf(cookieValue));
	}
}
