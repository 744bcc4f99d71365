package org.authbench.harness.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.authbench.harness.verify.Verify;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jwt behind nginx as the API gateway, written once for both gateway modes: every API route
 * needs a valid token, forged identity headers change nothing, bad tokens are 401 JSON, and the
 * instances (trust-gateway mode) ignore a bearer token that goes around nginx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayStackIntegrationTests {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final Map<String, String> FORGED = Map.of("X-User", "admin", "X-Roles", "ADMIN,USER", "X-Gateway-Secret",
			"guessed-secret-guessed-secret-guessed-secret");

	StackState state;

	abstract LbMode mode();

	@BeforeAll
	void start() {
		this.state = TestStacks.stack().up(TestStacks.spec(Variant.parse("jwt"), 1).lb(mode()).build());
	}

	@AfterAll
	void stop() {
		TestStacks.down(this.state);
	}

	HttpResponse<String> send(String method, String path, String bearer, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.state.url() + path))
			.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"price\":1}")
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	ApiClient loggedIn(String user) {
		ApiClient client = new ApiClient(this.state.url(), CredentialKind.BEARER);
		assertThat(client.login(user, "changeit").status()).isEqualTo(200);
		return client;
	}

	@Test
	void withoutATokenEveryApiRouteIsAJson401() throws Exception {
		List<String> routes = List.of("GET /api/me", "GET /api/items", "POST /api/items", "GET /api/admin/stats",
				"POST /api/auth/logout", "GET /api/auth/authorize", "GET /actuator/prometheus", "GET /no/such/route",
				"GET /api/me/", "GET //api/me", "GET /api/./me", "GET /api/auth/login/../../me",
				"GET /api/auth/refresh/../../admin/stats", "GET /actuator/health/../../api/me", "GET /api/%6De");

		for (String route : routes) {
			String[] parts = route.split(" ");
			HttpResponse<String> answer = send(parts[0], parts[1], null, FORGED);

			assertThat(answer.statusCode()).as(route).isEqualTo(401);
			assertThat(answer.headers().firstValue("Content-Type")).as(route)
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		}
	}

	@Test
	void aValidTokenIsServed() throws Exception {
		ApiClient user = loggedIn("user0002");
		ApiClient admin = loggedIn("admin");

		assertThat(user.get("/api/me").status()).isEqualTo(200);
		assertThat(user.get("/api/items").status()).isEqualTo(200);
		assertThat(send("POST", "/api/items", user.accessToken(), Map.of()).statusCode()).isEqualTo(201);
		assertThat(user.get("/api/admin/stats").status()).isEqualTo(403);
		assertThat(admin.get("/api/admin/stats").status()).isEqualTo(200);
	}

	@Test
	void forgedIdentityHeadersNeverChangeWhoMeSays() throws Exception {
		ApiClient user = loggedIn("user0002");

		HttpResponse<String> me = send("GET", "/api/me", user.accessToken(), FORGED);
		HttpResponse<String> admin = send("GET", "/api/admin/stats", user.accessToken(), FORGED);

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"user0002\"").doesNotContain("ADMIN");
		assertThat(admin.statusCode()).isEqualTo(403);
	}

	@Test
	void badTokensAreJson401s() throws Exception {
		ApiClient user = loggedIn("user0002");
		long now = Instant.now().getEpochSecond();
		String valid = user.accessToken();
		List<String> bad = List.of(valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA"),
				token("{\"alg\":\"none\"}", claims(now + 300, "authbench-api", "access"), false),
				token("{\"alg\":\"HS512\"}", claims(now + 300, "authbench-api", "access"), true),
				token("{\"alg\":\"HS256\"}", claims(now - 120, "authbench-api", "access"), true),
				token("{\"alg\":\"HS256\"}", claims(0, "authbench-api", "access"), true),
				token("{\"alg\":\"HS256\"}", claims(now + 300, "someone-else", "access"), true),
				user.refreshToken(), "", "not.a.token", "x".repeat(12_000));

		for (String token : bad) {
			HttpResponse<String> me = send("GET", "/api/me", token, Map.of());

			assertThat(me.statusCode()).as(token.length() > 60 ? token.substring(0, 60) : token).isEqualTo(401);
			assertThat(me.body()).startsWith("{");
		}
		assertThat(send("GET", "/api/me", token(issuedHeader(), claims(now + 300, "authbench-api", "access"), true),
				Map.of()).statusCode()).as("a token made here with the stack's secret and key id").isEqualTo(200);
	}

	@Test
	void theInstancesIgnoreATokenThatGoesAroundTheGateway() {
		ApiClient user = loggedIn("user0002");
		Member app = this.state.apps().get(0);

		int direct = user.sameCredentialAt("http://127.0.0.1:" + app.port()).get("/api/me").status();

		assertThat(direct).isEqualTo(401);
	}

	@Test
	void theContractHoldsThroughTheGateway() {
		Verify.Result result = Verify.run(this.state.url(),
				new Verify.Target(Variant.parse("jwt"), mode(), mode() != LbMode.GATEWAY_NJS));

		assertThat(result.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + ": " + check.detail())
			.isTrue());
	}

	/** Claims like jwt-app's: exp (0 = none), aud, token_use. */
	/** Claims as jwt-app issues them (with a refresh-family id, {@code fid}), but for any exp, audience and use. */
	static String claims(long exp, String audience, String use) {
		return "{\"jti\":\"" + UUID.randomUUID() + "\",\"sub\":\"user0007\",\"iss\":\"authbench\",\"aud\":[\""
				+ audience + "\"]" + (exp > 0 ? ",\"exp\":" + exp : "") + ",\"roles\":[\"USER\"],\"token_use\":\""
				+ use + "\",\"fid\":\"" + UUID.randomUUID() + "\"}";
	}

	/** The header of a token the stack issued: its {@code alg} and the {@code kid} of the stack's key. */
	String issuedHeader() {
		String token = loggedIn("user0007").accessToken();
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
	}

	/** A token signed (or not) with the stack's HMAC secret, whatever the header claims. */
	String token(String header, String claims, boolean sign) throws Exception {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		if (!sign) {
			return input + ".";
		}
		byte[] secret = Base64.getDecoder().decode(this.state.apps().get(0).env().get("AUTHBENCH_JWT_SECRET"));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
	}
}
