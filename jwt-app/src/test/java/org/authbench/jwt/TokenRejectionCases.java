package org.authbench.jwt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.BadTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/security.md cases 1–11, written once and run against jwt-app for each algorithm (a subclass
 * per algorithm starts the app with it). Each test sends real, deliberately bad tokens over
 * HTTP and expects a JSON 401. The tokens come from {@link BadTokens}, which the harness's
 * gateway tests send through nginx as well. A subclass adds its keys' settings with
 * {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none" })
abstract class TokenRejectionCases {

	static final String SIGNATURE_CHECKS = "authbench_jwt_signature_checks_total";

	@LocalServerPort
	int port;

	@Value("${authbench.jwt.secret:}")
	String secret;

	/** The keys the app under test was started with: by default its HS256 secret's. */
	TestKeys keys() {
		return TestKeys.secret(this.secret);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Answer meWith(String token) {
		return new ApiClient(baseUrl(), CredentialKind.BEARER).withAccessToken(token).get("/api/me");
	}

	static void assertRejected(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(401);
		assertThat(answer.isJson()).isTrue();
		assertThat(answer.json().get("status").asInt()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
	}

	/** The bad tokens of the app's own key. */
	BadTokens tokens() {
		return new BadTokens(keys().tokenKey());
	}

	void assertAllRejected(List<String> tokens) {
		assertThat(tokens).isNotEmpty();
		tokens.forEach(token -> assertRejected(meWith(token)));
	}

	private double signatureChecks() {
		return Http.metric(baseUrl(), SIGNATURE_CHECKS);
	}

	@Test
	void aWellFormedTokenIsAccepted() {
		Answer answer = meWith(tokens().valid());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("username").asString()).isEqualTo("user0001");
	}

	// 1
	@Test
	void algNoneIsRejectedInAnySpellingAndWithAnySignature() {
		assertAllRejected(tokens().algNone());
	}

	// 2
	@Test
	void keyConfusionIsRejected() {
		assertAllRejected(tokens().keyConfusion());
	}

	// 3
	@Test
	void anyOtherAlgorithmThanTheKeysOwnIsRejectedEvenWithTheRightKey() {
		assertAllRejected(tokens().otherAlgorithms());
	}

	// 4
	@Test
	void anUnknownOrMissingKidIsRejectedWithoutLookupSideEffects() {
		String jwksBefore = Http.get(baseUrl() + JwksController.PATH, null).body();
		double checksBefore = signatureChecks();

		assertAllRejected(tokens().unknownKids());

		assertThat(signatureChecks()).as("no signature check without a known kid").isEqualTo(checksBefore);
		assertThat(Http.get(baseUrl() + JwksController.PATH, null).body()).isEqualTo(jwksBefore);
	}

	// 5
	@Test
	void keyReferencesInTheHeaderAreRejectedAndNeverFetched() throws IOException {
		try (ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			assertAllRejected(tokens().keyReferences("http://127.0.0.1:" + trap.getLocalPort() + "/keys"));

			trap.setSoTimeout(300);
			assertThatThrownBy(trap::accept).as("nothing was fetched").isInstanceOf(SocketTimeoutException.class);
		}
	}

	// 6
	@Test
	void critNamingAnUnsupportedParameterIsRejected() {
		assertAllRejected(tokens().crit());
	}

	// 7
	@Test
	void expiredNotYetValidOrExpLessTokensAreRejected() {
		assertAllRejected(tokens().outsideTheirLifetime());
	}

	/** The app under test runs with a clock skew of 30 s: 15 s either side of the boundary. */
	@Test
	void clockSkewIsHonouredUpToItsBoundaryAndNoFurther() {
		for (String token : tokens().withinTheClockSkew(30, 15)) {
			assertThat(meWith(token).status()).as("15 s within the skew").isEqualTo(200);
		}
		assertAllRejected(tokens().beyondTheClockSkew(30, 15));
	}

	// 8
	@Test
	void aWrongOrMissingIssuerOrAudienceIsRejected() {
		assertAllRejected(tokens().wrongIssuerOrAudience());
	}

	@Test
	void aRefreshTokenOrATokenOfNoUseIsNotAnAccessToken() {
		assertAllRejected(tokens().notAccessTokens());
	}

	// 9
	@Test
	void aTamperedPayloadOrAStrippedSignatureIsRejected() {
		assertAllRejected(tokens().tampered());
	}

	@Test
	void malformedTokensAndEmptyOrForeignCredentialsAreRejected() {
		assertAllRejected(tokens().malformed());
		assertRejected(Http.get(baseUrl() + "/api/me", "Bearer"));
		assertRejected(Http.get(baseUrl() + "/api/me", "Basic dXNlcjAwMDE6Y2hhbmdlaXQ="));
	}

	// 10
	@Test
	void anOversizedTokenIsRejectedBeforeAnySignatureCheck() {
		String huge = tokens().padded(74_000);
		String justTooLong = tokens().padded(8192);
		double before = signatureChecks();

		assertThat(huge.length()).as("about 100 KB").isBetween(95_000, 110_000);
		assertRejected(meWith(huge));
		assertRejected(meWith(justTooLong));

		assertThat(signatureChecks()).as("rejected before any signature work").isEqualTo(before);
		meWith(tokens().valid());
		assertThat(signatureChecks()).as("the counter does count checks").isEqualTo(before + 1);
	}

	@Test
	void aCompressedTokenIsRejected() {
		assertAllRejected(tokens().compressed());
	}

	// 11
	@Test
	void aJweIsRejectedWhereAJwsIsExpected() {
		assertAllRejected(tokens().jwes());
	}
}
