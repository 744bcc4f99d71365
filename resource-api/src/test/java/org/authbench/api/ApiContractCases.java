package org.authbench.api;

import org.authbench.security.HeaderRule;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract of docs/design.md §3, written once and run against every variant over real HTTP:
 * each app module has a subclass that starts the app ({@code @SpringBootTest} on a random
 * port) and says how its credential travels.
 * The baseline authenticates nobody (every call is user0001), so where the contract is about
 * authentication it is checked to do exactly that instead.
 */
public abstract class ApiContractCases {

	protected static final String PASSWORD = "changeit";

	@Autowired
	private ApplicationContext context;

	/** The port of the instance a subclass's {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} started. */
	@LocalServerPort
	protected int port;

	/** Base URL of the running instance, e.g. {@code http://127.0.0.1:41234}. */
	protected String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	protected abstract CredentialKind credentialKind();

	/** The instance id the app was started with, which it must put in {@code X-Instance-Id} and {@code /api/me}. */
	@Value("${authbench.instance-id}")
	private String instanceId;

	private String instanceId() {
		return this.instanceId;
	}

	private boolean authenticates() {
		return credentialKind() != CredentialKind.NONE;
	}

	private ApiClient client() {
		return new ApiClient(baseUrl(), credentialKind());
	}

	private ApiClient loggedIn(String user) {
		ApiClient client = client();
		Answer login = client.login(user, PASSWORD);
		assertThat(login.status()).as("login of %s: %s", user, login.body()).isEqualTo(200);
		return client;
	}

	@Test
	void loginSucceedsWithTheSeededPassword() {
		ApiClient client = client();

		Answer login = client.login("user0002", PASSWORD);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.isJson()).isTrue();
		switch (credentialKind()) {
			case COOKIE -> assertThat(client.cookie()).isNotBlank();
			case BEARER -> {
				assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
				assertThat(login.json().get("expiresIn").asLong()).isPositive();
				assertThat(client.refreshToken()).isNotBlank();
			}
			case NONE -> assertThat(login.json().get("username").asString()).isEqualTo("user0002");
		}
	}

	@Test
	void badPasswordAndUnknownUserGetTheSameJson401() {
		Answer wrongPassword = client().login("user0002", "wrong");
		Answer unknownUser = client().login("nobody", PASSWORD);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.isJson()).isTrue();
		assertThat(wrongPassword.json().get("status").asInt()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
		assertThat(wrongPassword.headers("Set-Cookie")).as("no session for a failed login (a CSRF cookie may come)")
			.allMatch(cookie -> cookie.startsWith(ApiClient.XSRF_COOKIE + "="));
	}

	@Test
	void meAnswersWhoIsCalling() {
		ApiClient client = loggedIn("user0003");

		Answer me = client.get("/api/me");

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(authenticates() ? "user0003" : "user0001");
		assertThat(me.json().get("instance").asString()).isEqualTo(instanceId());
		assertThat(me.json().get("roles").toString()).contains("USER");
	}

	@Test
	void meWithoutCredentialIsAJson401NotARedirect() {
		Answer me = client().anonymous("GET", "/api/me", null);

		if (authenticates()) {
			assertThat(me.status()).isEqualTo(401);
			assertThat(me.isJson()).isTrue();
			assertThat(me.json().get("path").asString()).isEqualTo("/api/me");
			assertThat(me.header("Location")).isEmpty();
		}
		else {
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("username").asString()).isEqualTo("user0001");
		}
	}

	@Test
	void adminStatsNeedTheAdminRole() {
		Answer asUser = loggedIn("user0004").get("/api/admin/stats");
		Answer asAdmin = loggedIn("admin").get("/api/admin/stats");

		assertThat(asUser.status()).isEqualTo(403);
		assertThat(asUser.isJson()).isTrue();
		assertThat(asUser.json().get("status").asInt()).isEqualTo(403);
		if (authenticates()) {
			assertThat(asAdmin.status()).isEqualTo(200);
			assertThat(asAdmin.json().get("users").asInt()).isPositive();
		}
		else {
			assertThat(asAdmin.status()).as("the baseline acts as user0001 for everyone").isEqualTo(403);
		}
	}

	@Test
	void afterLogoutTheOldCredentialIsRejected() {
		ApiClient client = loggedIn("user0005");
		assertThat(client.get("/api/me").status()).isEqualTo(200);

		Answer logout = client.post("/api/auth/logout", null);
		Answer after = client.get("/api/me");

		assertThat(logout.status()).isEqualTo(204);
		if (authenticates()) {
			assertThat(after.status()).isEqualTo(401);
			assertThat(after.isJson()).isTrue();
		}
		else {
			assertThat(after.status()).as("nothing to revoke on the baseline").isEqualTo(200);
		}
	}

	@Test
	void everyAnswerCarriesTheInstanceId() {
		ApiClient client = loggedIn("user0006");

		assertThat(client.get("/api/items").header("X-Instance-Id")).contains(instanceId());
		assertThat(client.get("/no/such/route").header("X-Instance-Id")).contains(instanceId());
		assertThat(client().login("user0006", "wrong").header("X-Instance-Id")).contains(instanceId());
		assertThat(client().anonymous("GET", "/api/admin/stats", null).header("X-Instance-Id")).contains(instanceId());
	}

	/**
	 * Every app, the baseline too, runs the same lean Spring Security chain: a ratio to the baseline
	 * is then the cost of the credential design alone.
	 */
	@Test
	void everyAppSendsTheSecurityHeadersThroughALeanChain() {
		Answer items = loggedIn("user0006").get("/api/items");

		assertThat(items.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(items.header("X-Frame-Options")).contains("DENY");
		assertThat(items.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		List<String> filters = this.context.getBean(FilterChainProxy.class)
			.getFilters("/api/items")
			.stream()
			.map(filter -> filter.getClass().getSimpleName())
			.toList();
		// The bean is Spring Security's composite proxy; the chain that serves requests is inside it.
		Object proxy = this.context.getBean(FilterChainProxy.class);
		Object chain = ReflectionUtils.findField(proxy.getClass(), "springSecurityFilterChain") == null ? proxy
				: ReflectionTestUtils.getField(proxy, "springSecurityFilterChain");
		Object firewall = ReflectionTestUtils.getField(chain, "firewall");
		assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues"))
			.as("the firewall checks header values with HeaderRule")
			.isSameAs(HeaderRule.VALUES);
		assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames"))
			.as("and header names")
			.isSameAs(HeaderRule.NAMES);
		assertThat(filters).contains("HeaderWriterFilter")
			.doesNotContain("AnonymousAuthenticationFilter", "SecurityContextHolderAwareRequestFilter",
					"RequestCacheAwareFilter", "LogoutFilter", "UsernamePasswordAuthenticationFilter",
					"BasicAuthenticationFilter", "DefaultLoginPageGeneratingFilter");
	}

	@Test
	void aStatelessVariantNeverStartsASession() {
		if (credentialKind() == CredentialKind.COOKIE) {
			return; // the session variants' sessions are checked by SessionSecurityCases
		}
		ApiClient client = loggedIn("user0010");
		List<Answer> answers = List.of(client.get("/api/items"), client.get("/api/me"), client.get("/api/admin/stats"),
				client.post("/api/items", "{\"name\":\"lamp\",\"price\":1,\"tags\":[]}"),
				client().anonymous("GET", "/api/items", null), client().anonymous("GET", "/api/does-not-exist", null),
				client.withAccessToken("not.a.token").get("/api/items"));

		assertThat(answers).extracting(Answer::status).as("successes, and refusals where the variant authenticates")
			.contains(200, 201)
			.containsAll(authenticates() ? List.of(401, 403) : List.of(404));
		assertThat(answers).allSatisfy(answer -> assertThat(answer.setCookie("JSESSIONID")).isEmpty());
		assertThat(this.context.getBean(FilterChainProxy.class).getFilters("/api/items"))
			.extracting(filter -> filter.getClass().getSimpleName())
			.as("no session management in a stateless chain")
			.doesNotContain("SessionManagementFilter");
	}

	@Test
	void itemsAreReadAndWritten() {
		ApiClient client = loggedIn("user0007");

		Answer read = client.get("/api/items");
		Answer written = client.post("/api/items", "{\"name\":\"lamp\",\"price\":12.5,\"tags\":[\"home\"]}");

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().length()).as("a realistic read is about 2 KB").isBetween(1500, 4000);
		assertThat(written.status()).isEqualTo(201);
		assertThat(written.json().get("owner").asString()).isEqualTo(authenticates() ? "user0007" : "user0001");
	}

	@Test
	void unknownRouteIsAJson404() {
		Answer unknown = loggedIn("user0008").get("/api/does-not-exist");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.isJson()).isTrue();
		assertThat(unknown.json().get("path").asString()).isEqualTo("/api/does-not-exist");
	}

	@Test
	void malformedJsonIsAJson400() {
		ApiClient client = loggedIn("user0009");

		Answer badLogin = client().anonymous("POST", "/api/auth/login", "{\"username\": ");
		Answer badItem = client.post("/api/items", "{not json");
		Answer invalidItem = client.post("/api/items", "{\"name\":\"\",\"price\":-1}");

		assertThat(badLogin.status()).isEqualTo(400);
		assertThat(badLogin.isJson()).isTrue();
		assertThat(badItem.status()).isEqualTo(400);
		assertThat(badItem.isJson()).isTrue();
		assertThat(invalidItem.status()).isEqualTo(400);
		assertThat(invalidItem.json().get("message").asString()).contains("name");
		assertThat(badItem.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void hugeBodyIsAJson413() {
		ApiClient client = loggedIn("user0010");
		String huge = "{\"name\":\"" + "x".repeat(200_000) + "\",\"price\":1}";

		Answer answer = client.post("/api/items", huge);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.isJson()).isTrue();
	}

	@Test
	void healthAndMetricsAreOpen() {
		Answer health = client().anonymous("GET", "/actuator/health", null);
		Answer metrics = client().anonymous("GET", "/actuator/prometheus", null);

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(metrics.status()).isEqualTo(200);
		// JVM and process metrics cost nothing per request; per-request timers are off by default
		// (AUTHBENCH_OBSERVABILITY=minimal, docs/method.md).
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "process_cpu_usage")
			.doesNotContain("http_server_requests");
	}
}
