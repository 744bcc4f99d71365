package org.authbench.harness.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.BadTokens;
import org.authbench.testsupport.TokenKey;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/security.md cases 1–11 through nginx: the bad tokens jwt-app's own tests send to the app
 * ({@link BadTokens}), sent to a one-instance jwt stack behind the gateway. Each must be a JSON
 * 401 answered by the gateway and must not reach a resource server: the instance's own request
 * metrics show one 401 per token, the authorizer's, in {@code gateway} mode, none at all in
 * {@code gateway-njs}, and nothing served. One stack per class, shared by every case. Case 12
 * (weak keys refuse to start) is start-up configuration and is tested on jwt-app alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayTokenCases {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** jwt-app's and the njs gateway's default clock skew. */
	private static final int CLOCK_SKEW_SECONDS = 30;

	StackState state;

	private BadTokens tokens;

	/** A bad token case: its number in docs/security.md and name, and its tokens. */
	record TokenCase(String name, List<String> tokens) {

		@Override
		public String toString() {
			return this.name + " (" + this.tokens.size() + " tokens)";
		}
	}

	abstract LbMode mode();

	/** The algorithm's settings for the stack; the default HS256 needs none (the stack makes the secret). */
	StackSpec.Builder withKeys(StackSpec.Builder spec) {
		return spec;
	}

	/** The key the running stack signs with; by default its HS256 secret, under the kid of a token it issued. */
	TokenKey key() {
		byte[] secret = Base64.getDecoder().decode(this.state.apps().get(0).env().get("AUTHBENCH_JWT_SECRET"));
		String header = new String(Base64.getUrlDecoder().decode(loggedIn().accessToken().split("\\.")[0]),
				StandardCharsets.UTF_8);
		String kid = JSON.readTree(header).get("kid").asString();
		return new TokenKey("HS256", kid, new SecretKeySpec(secret, "HmacSHA256"), new SecretKeySpec(secret, "HmacSHA256"));
	}

	@BeforeAll
	void start() {
		// The instance's request counter (http_server_requests) shows whether a bad token reached it; that
		// counter exists only with Spring Boot's default observability (minimal has no per-request timers).
		this.state = TestStacks.stack()
			.up(withKeys(TestStacks.spec(Variant.parse("jwt"), 1).lb(mode()).appEnv("AUTHBENCH_OBSERVABILITY", "boot-default"))
				.build());
		this.tokens = new BadTokens(key());
	}

	@AfterAll
	void stop() {
		TestStacks.down(this.state);
	}

	Stream<TokenCase> cases() {
		return Stream.of(new TokenCase("1 alg none, any spelling, any signature", this.tokens.algNone()),
				new TokenCase("2 key confusion", this.tokens.keyConfusion()),
				new TokenCase("3 another algorithm in the header", this.tokens.otherAlgorithms()),
				new TokenCase("4 unknown, missing and path-like kid", this.tokens.unknownKids()),
				new TokenCase("6 crit", this.tokens.crit()),
				new TokenCase("7 expired, not yet valid, no exp", this.tokens.outsideTheirLifetime()),
				new TokenCase("7 15 s beyond the clock skew", this.tokens.beyondTheClockSkew(CLOCK_SKEW_SECONDS, 15)),
				new TokenCase("8 wrong or missing iss and aud", this.tokens.wrongIssuerOrAudience()),
				new TokenCase("8 refresh token as access token",
						Stream.concat(this.tokens.notAccessTokens().stream(), Stream.of(loggedIn().refreshToken()))
							.toList()),
				new TokenCase("9 tampered payload, stripped signature", this.tokens.tampered()),
				new TokenCase("9 malformed base64 or JSON, empty", this.tokens.malformed()),
				new TokenCase("10 over the 8 KB token limit, under nginx's 16 KB header limit",
						List.of(this.tokens.padded(8192))),
				new TokenCase("10 compressed", this.tokens.compressed()),
				new TokenCase("11 JWE", this.tokens.jwes()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isAJson401OfTheGatewayAndReachesNoResourceServer(TokenCase tokenCase) {
		assertRejectedAtTheGateway(tokenCase.tokens());
	}

	@Test
	void aValidTokenAndOneWithinTheClockSkewAreServed() {
		double served = servedRequests();

		Answer me = meWith(this.tokens.valid());
		List<Integer> withinSkew = this.tokens.withinTheClockSkew(CLOCK_SKEW_SECONDS, 15)
			.stream()
			.map(token -> meWith(token).status())
			.toList();

		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("user0001");
		assertThat(withinSkew).as("expired and not yet valid by 15 s, within the 30 s skew").containsOnly(200);
		assertThat(await(this::servedRequests, served + 3)).as("the counter of served requests does count")
			.isEqualTo(served + 3);
	}

	/** 4: no lookup side effects. In gateway mode the authorizer runs no signature check for an unknown kid. */
	@Test
	void anUnknownKidRunsNoSignatureCheck() {
		double before = signatureChecks();

		assertRejectedAtTheGateway(this.tokens.unknownKids());

		assertThat(signatureChecks()).isEqualTo(before);
	}

	/** 5: jku, x5u and embedded jwk are rejected and the URL they name gets no connection, from nginx or the app. */
	@Test
	void keyReferencesAreRejectedAndNeverFetched() throws IOException {
		try (ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			assertRejectedAtTheGateway(this.tokens.keyReferences("http://127.0.0.1:" + trap.getLocalPort() + "/keys"));

			trap.setSoTimeout(300);
			assertThatThrownBy(trap::accept).as("nothing was fetched").isInstanceOf(SocketTimeoutException.class);
		}
	}

	/** 9: a bare "Bearer" and another scheme. */
	@Test
	void anEmptyBearerOrAnotherSchemeIsRejected() {
		assertRejected(get("Bearer"));
		assertRejected(get("Bearer "));
		assertRejected(get("Basic dXNlcjAwMDE6Y2hhbmdlaXQ="));
	}

	/**
	 * 10: a 100 KB token passes neither nginx's 16 KB header buffers (nginx answers its own HTML
	 * 400, before any check: the documented limit, see nginx/common.conf) nor, so, any signature
	 * check or resource server.
	 */
	@Test
	void aHundredKilobyteTokenIsRefusedByNginxItselfBeforeAnyCheck() {
		String huge = this.tokens.padded(74_000);
		double unauthorized = instanceUnauthorized();
		double signatureChecks = signatureChecks();

		Answer answer = meWith(huge);

		assertThat(huge.length()).as("about 100 KB").isBetween(95_000, 110_000);
		assertThat(answer.status()).as("nginx's own answer").isEqualTo(400);
		assertThat(answer.body()).contains("Request Header Or Cookie Too Large");
		assertThat(instanceUnauthorized()).as("not even the authorizer was asked").isEqualTo(unauthorized);
		assertThat(signatureChecks()).isEqualTo(signatureChecks);
	}

	/** 10: over the token limit (8 KB) but within nginx's buffers: rejected before any signature check. */
	@Test
	void anOversizedTokenRunsNoSignatureCheck() {
		double before = signatureChecks();

		assertRejected(meWith(this.tokens.padded(8192)));

		assertThat(signatureChecks()).isEqualTo(before);
	}

	/**
	 * Each token is a JSON 401 of the gateway; the instance answered one 401 per token in gateway
	 * mode (the authorizer's) and none in gateway-njs, and no resource server served anything.
	 */
	void assertRejectedAtTheGateway(List<String> tokens) {
		double served = servedRequests();
		double unauthorized = instanceUnauthorized();
		double expected = unauthorized + (mode() == LbMode.GATEWAY ? tokens.size() : 0);

		tokens.forEach(token -> assertRejected(meWith(token)));

		assertThat(await(this::instanceUnauthorized, expected))
			.as("401s of the instance: the authorizer's, one a token in gateway mode, none in gateway-njs")
			.isEqualTo(expected);
		assertThat(servedRequests()).as("requests a resource server served").isEqualTo(served);
	}

	static void assertRejected(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(401);
		assertThat(answer.isJson()).as("JSON").isTrue();
		assertThat(answer.json().get("status").asInt()).isEqualTo(401);
		assertThat(answer.json().get("message").asString()).as("the gateway's answer").contains("gateway");
		assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
	}

	Answer meWith(String token) {
		return new ApiClient(this.state.url(), CredentialKind.BEARER).withAccessToken(token).get("/api/me");
	}

	ApiClient loggedIn() {
		ApiClient client = new ApiClient(this.state.url(), CredentialKind.BEARER);
		assertThat(client.login("user0007", "changeit").status()).isEqualTo(200);
		return client;
	}

	private Answer get(String authorization) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.state.url() + "/api/me"))
			.header("Authorization", authorization)
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Requests the instance's resource servers answered (any /api/ route but the authorizer, login and refresh). */
	double servedRequests() {
		return requestCounts().filter(line -> line.contains("uri=\"/api/") && !line.contains("uri=\"/api/auth/"))
			.mapToDouble(GatewayTokenCases::value)
			.sum();
	}

	/** 401s the instance answered: the authorizer's rejections (a request Spring Security refuses is tagged UNKNOWN). */
	double instanceUnauthorized() {
		return requestCounts().filter(line -> line.contains("status=\"401\""))
			.mapToDouble(GatewayTokenCases::value)
			.sum();
	}

	/** jwt-app's signature-check counter: signature work done (by the authorizer, in gateway mode). */
	double signatureChecks() {
		return metricLines().filter(line -> line.startsWith("authbench_jwt_signature_checks_total"))
			.mapToDouble(GatewayTokenCases::value)
			.sum();
	}

	/** The count once it reached the expected value: a request is counted just after its answer. */
	private static double await(DoubleSupplier count, double expected) {
		return Awaitility.await("a counter reaches " + expected)
			.atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(count::getAsDouble, now -> now >= expected);
	}

	private Stream<String> requestCounts() {
		return metricLines().filter(line -> line.startsWith("http_server_requests_seconds_count{"));
	}

	private Stream<String> metricLines() {
		Member app = this.state.apps().get(0);
		return new ApiClient("http://127.0.0.1:" + app.port(), CredentialKind.NONE).get("/actuator/prometheus")
			.body()
			.lines();
	}

	private static double value(String line) {
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}
}
