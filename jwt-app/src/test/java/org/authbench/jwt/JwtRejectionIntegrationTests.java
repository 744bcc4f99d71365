package org.authbench.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each test sends a real, deliberately bad token over HTTP and expects a JSON 401. The
 * tokens are signed with the app's own secret wherever that makes the attack sharper: the
 * signature is right, something else must catch it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none",
				"authbench.jwt.secret=" + JwtContractTests.SECRET })
class JwtRejectionIntegrationTests {

	static final byte[] SECRET_BYTES = Base64.getDecoder().decode(JwtContractTests.SECRET);

	static final SecretKey KEY = Keys.hmacShaKeyFor(SECRET_BYTES);

	@LocalServerPort
	int port;

	private Answer meWith(String token) {
		return new ApiClient("http://127.0.0.1:" + this.port, CredentialKind.BEARER).withAccessToken(token)
			.get("/api/me");
	}

	private static JwtBuilder valid() {
		Instant now = Instant.now();
		return Jwts.builder()
			.id(UUID.randomUUID().toString())
			.subject("user0001")
			.issuer("authbench")
			.audience().add("authbench-api").and()
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plusSeconds(300)))
			.claim("roles", List.of("USER"))
			.claim("token_use", "access");
	}

	private static void assertRejected(Answer answer) {
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.isJson()).isTrue();
		assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
	}

	@Test
	void aWellFormedTokenIsAccepted() {
		Answer answer = meWith(valid().signWith(KEY, Jwts.SIG.HS256).compact());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("username").asString()).isEqualTo("user0001");
	}

	@Test
	void aTamperedPayloadIsRejected() {
		String[] parts = valid().signWith(KEY, Jwts.SIG.HS256).compact().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("user0001", "admin");

		assertRejected(meWith(parts[0] + "." + b64(payload) + "." + parts[2]));
	}

	@Test
	void anExpiredTokenIsRejected() {
		Instant past = Instant.now().minusSeconds(600);
		String token = valid().issuedAt(Date.from(past)).expiration(Date.from(past.plusSeconds(60)))
			.signWith(KEY, Jwts.SIG.HS256).compact();

		assertRejected(meWith(token));
	}

	@Test
	void aTokenWithoutExpIsRejectedThoughJjwtWouldAcceptIt() {
		String token = valid().expiration(null).signWith(KEY, Jwts.SIG.HS256).compact();

		assertRejected(meWith(token));
	}

	@Test
	void algNoneIsRejected() {
		String payload = new String(Base64.getUrlDecoder().decode(valid().signWith(KEY, Jwts.SIG.HS256).compact()
			.split("\\.")[1]), StandardCharsets.UTF_8);
		for (String alg : List.of("none", "None", "NONE")) {
			assertRejected(meWith(b64("{\"alg\":\"" + alg + "\"}") + "." + b64(payload) + "."));
		}
	}

	@Test
	void anotherHmacAlgorithmWithTheRightKeyIsRejected() throws Exception {
		String payload = new String(Base64.getUrlDecoder().decode(valid().signWith(KEY, Jwts.SIG.HS256).compact()
			.split("\\.")[1]), StandardCharsets.UTF_8);
		String signingInput = b64("{\"alg\":\"HS512\"}") + "." + b64(payload);
		Mac mac = Mac.getInstance("HmacSHA512");
		mac.init(new SecretKeySpec(SECRET_BYTES, "HmacSHA512"));
		String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes()));

		assertRejected(meWith(signingInput + "." + signature));
	}

	@Test
	void wrongAudienceOrIssuerIsRejected() {
		assertRejected(meWith(valid().audience().single("someone-else").signWith(KEY, Jwts.SIG.HS256).compact()));
		assertRejected(meWith(valid().issuer("evil").signWith(KEY, Jwts.SIG.HS256).compact()));
	}

	@Test
	void aRefreshTokenIsNotAnAccessToken() {
		assertRejected(meWith(valid().claim("token_use", "refresh").signWith(KEY, Jwts.SIG.HS256).compact()));
	}

	@Test
	void aValidlySignedHugeTokenIsRejected() {
		String token = valid().claim("padding", "x".repeat(74_000)).signWith(KEY, Jwts.SIG.HS256).compact();

		assertThat(token.length()).as("about 100 KB").isBetween(95_000, 110_000);
		assertRejected(meWith(token));
	}

	@Test
	void aMalformedOrEmptyBearerIsRejected() {
		assertRejected(meWith("not.a.token"));
		assertRejected(meWith("%%%.@@@.###"));
		assertRejected(meWith(""));
	}

	@Test
	void aShortSecretStopsTheAppAtStartUp() {
		String secret128Bits = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatThrownBy(() -> new SpringApplicationBuilder(JwtApplication.class).run("--server.port=0",
				"--authbench.jwt.secret=" + secret128Bits))
			.hasRootCauseInstanceOf(InvalidJwtSecretException.class)
			.rootCause()
			.hasMessageContaining("128 bits")
			.hasMessageContaining("at least 256");
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
