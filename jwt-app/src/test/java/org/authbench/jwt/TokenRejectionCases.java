package org.authbench.jwt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SECURITY-CASES 1–11, written once and run against jwt-app for each algorithm (a subclass
 * per algorithm starts the app with it). Each test sends a real, deliberately bad token over
 * HTTP and expects a JSON 401. Wherever it makes the attack sharper, the token is signed
 * with the app's own key: the signature is right, something else must catch it.
 */
abstract class TokenRejectionCases {

	static final String SIGNATURE_CHECKS = "authbench_jwt_signature_checks_total";

	private static final List<String> ALGORITHMS = List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
			"PS256", "ES256", "EdDSA");

	@LocalServerPort
	int port;

	/** The keys the app under test was started with. */
	abstract TestKeys keys();

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

	private String valid() {
		return Forge.sign(keys(), Forge.header(keys()), Forge.claims());
	}

	private String withClaim(String name, Object value) {
		Map<String, Object> claims = Forge.claims();
		if (value == null) {
			claims.remove(name);
		}
		else {
			claims.put(name, value);
		}
		return Forge.sign(keys(), Forge.header(keys()), claims);
	}

	private String withHeader(String name, Object value) {
		Map<String, Object> header = Forge.header(keys());
		if (value == null) {
			header.remove(name);
		}
		else {
			header.put(name, value);
		}
		return Forge.sign(keys(), header, Forge.claims());
	}

	private double signatureChecks() {
		return Http.metric(baseUrl(), SIGNATURE_CHECKS);
	}

	@Test
	void aWellFormedTokenIsAccepted() {
		Answer answer = meWith(valid());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("username").asString()).isEqualTo("user0001");
	}

	// 1
	@Test
	void algNoneIsRejectedInAnySpellingAndWithAnySignature() {
		String realSignature = valid().split("\\.")[2];
		for (String alg : List.of("none", "None", "NONE", "nOnE")) {
			Map<String, Object> header = Forge.header(keys());
			header.put("alg", alg);
			for (String signature : List.of("", "AAAA", realSignature)) {
				assertRejected(meWith(Forge.unsigned(header, Forge.claims(), signature)));
			}
			header.remove("kid");
			assertRejected(meWith(Forge.unsigned(header, Forge.claims(), "")));
		}
	}

	// 2
	@Test
	void keyConfusionIsRejected() {
		Map<String, Object> header = Forge.header(keys());
		header.put("alg", "HS256");
		if (keys().verificationKey() instanceof PublicKey publicKey) {
			// HMAC with the public key as the secret: DER bytes, PEM text, the JWK's JSON.
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			for (byte[] secret : List.of(publicKey.getEncoded(), pem.getBytes(StandardCharsets.US_ASCII),
					Jwks.json(Jwks.builder().key(publicKey).build()).getBytes(StandardCharsets.UTF_8))) {
				assertRejected(meWith(Forge.hmac(header, Forge.claims(), secret)));
			}
		}
		else {
			// The HMAC kid on a token signed with an attacker's key pair.
			KeyPair attacker = Jwts.SIG.RS256.keyPair().build();
			header.put("alg", "RS256");
			assertRejected(meWith(Forge.sign(header, Forge.claims(), "RS256", attacker.getPrivate())));
		}
	}

	// 3
	@Test
	void anyOtherAlgorithmThanTheKeysOwnIsRejectedEvenWithTheRightKey() {
		String own = keys().algorithm().id();
		for (String alg : ALGORITHMS) {
			if (alg.equals(own)) {
				continue;
			}
			Map<String, Object> header = Forge.header(keys());
			header.put("alg", alg);
			boolean sameKeyCanSign = alg.substring(0, 2).equals(own.substring(0, 2))
					|| (own.equals("RS256") && alg.equals("PS256"));
			// Where the key can serve that algorithm, sign with it properly (jjwt would accept
			// RS512 for an RS256 key if the algorithm were not pinned); elsewhere relabel.
			String token = sameKeyCanSign ? Forge.sign(header, Forge.claims(), alg, keys().signingKey())
					: Forge.unsigned(header, Forge.claims(), valid().split("\\.")[2]);
			assertRejected(meWith(token));
		}
	}

	// 4
	@Test
	void anUnknownOrMissingKidIsRejectedWithoutLookupSideEffects() {
		String jwksBefore = Http.get(baseUrl() + JwksController.PATH, null).body();
		double checksBefore = signatureChecks();

		assertRejected(meWith(withHeader("kid", "unknown-kid")));
		assertRejected(meWith(withHeader("kid", "../../../../etc/passwd")));
		assertRejected(meWith(withHeader("kid", "x".repeat(2000))));
		assertRejected(meWith(withHeader("kid", null)));

		assertThat(signatureChecks()).as("no signature check without a known kid").isEqualTo(checksBefore);
		assertThat(Http.get(baseUrl() + JwksController.PATH, null).body()).isEqualTo(jwksBefore);
	}

	// 5
	@Test
	void keyReferencesInTheHeaderAreRejectedAndNeverFetched() throws IOException {
		try (ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			String url = "http://127.0.0.1:" + trap.getLocalPort() + "/keys";
			KeyPair attacker = Jwts.SIG.ES256.keyPair().build();
			Map<String, Object> attackerJwk = Jwks.builder().key(attacker.getPublic()).id("attacker").build();
			Map<String, Object> embedded = Forge.header(keys());
			embedded.put("alg", "ES256");
			embedded.put("kid", "attacker");
			embedded.put("jwk", attackerJwk);

			assertRejected(meWith(withHeader("jku", url)));
			assertRejected(meWith(withHeader("x5u", url)));
			assertRejected(meWith(Forge.sign(embedded, Forge.claims(), "ES256", attacker.getPrivate())));
			embedded.put("kid", keys().kid());
			assertRejected(meWith(Forge.sign(embedded, Forge.claims(), "ES256", attacker.getPrivate())));
			assertRejected(meWith(withHeader("jwk", attackerJwk)));

			trap.setSoTimeout(300);
			assertThatThrownBy(trap::accept).as("nothing was fetched").isInstanceOf(SocketTimeoutException.class);
		}
	}

	// 6
	@Test
	void critNamingAnUnsupportedParameterIsRejected() {
		Map<String, Object> header = Forge.header(keys());
		header.put("crit", List.of("authbench-policy"));
		header.put("authbench-policy", "ignore-exp");

		assertRejected(meWith(Forge.sign(keys(), header, Forge.claims())));
		header.put("crit", List.of("unknown-and-absent"));
		assertRejected(meWith(Forge.sign(keys(), header, Forge.claims())));
	}

	// 7
	@Test
	void expiredNotYetValidOrExpLessTokensAreRejected() {
		long now = Instant.now().getEpochSecond();

		assertRejected(meWith(withClaim("exp", now - 600)));
		assertRejected(meWith(withClaim("nbf", now + 600)));
		assertRejected(meWith(withClaim("exp", null)));
		assertRejected(meWith(withClaim("exp", "tomorrow")));
	}

	/** The app under test runs with a clock skew of 30 s: 15 s either side of the boundary. */
	@Test
	void clockSkewIsHonouredUpToItsBoundaryAndNoFurther() {
		long now = Instant.now().getEpochSecond();

		assertThat(meWith(withClaim("exp", now - 15)).status()).as("expired 15 s ago, within the skew").isEqualTo(200);
		assertThat(meWith(withClaim("nbf", now + 15)).status()).as("valid in 15 s, within the skew").isEqualTo(200);
		assertRejected(meWith(withClaim("exp", now - 45)));
		assertRejected(meWith(withClaim("nbf", now + 45)));
	}

	// 8
	@Test
	void aWrongOrMissingIssuerOrAudienceIsRejected() {
		assertRejected(meWith(withClaim("iss", "evil")));
		assertRejected(meWith(withClaim("iss", null)));
		assertRejected(meWith(withClaim("aud", "someone-else")));
		assertRejected(meWith(withClaim("aud", null)));
	}

	@Test
	void aRefreshTokenOrATokenOfNoUseIsNotAnAccessToken() {
		assertRejected(meWith(withClaim("token_use", "refresh")));
		assertRejected(meWith(withClaim("token_use", null)));
	}

	// 9
	@Test
	void aTamperedPayloadOrAStrippedSignatureIsRejected() {
		String[] parts = valid().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("user0001", "admin");

		assertRejected(meWith(parts[0] + "." + Forge.b64(payload) + "." + parts[2]));
		assertRejected(meWith(parts[0] + "." + parts[1] + "."));
		assertRejected(meWith(parts[0] + "." + parts[1]));
		assertRejected(meWith(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4)));
	}

	@Test
	void malformedTokensAndEmptyOrForeignCredentialsAreRejected() {
		String[] parts = valid().split("\\.");

		assertRejected(meWith("not.a.token"));
		assertRejected(meWith("%%%.@@@.###"));
		assertRejected(meWith(Forge.b64("{\"alg\":") + "." + parts[1] + "." + parts[2]));
		assertRejected(meWith(parts[0] + "." + Forge.b64("[1,2") + "." + parts[2]));
		assertRejected(meWith(parts[0] + "." + Forge.b64("\"a string\"") + "." + parts[2]));
		assertRejected(meWith(""));
		assertRejected(Http.get(baseUrl() + "/api/me", "Bearer"));
		assertRejected(Http.get(baseUrl() + "/api/me", "Basic dXNlcjAwMDE6Y2hhbmdlaXQ="));
	}

	// 10
	@Test
	void anOversizedTokenIsRejectedBeforeAnySignatureCheck() {
		String huge = withClaim("padding", "x".repeat(74_000));
		String justTooLong = withClaim("padding", "x".repeat(8192));
		double before = signatureChecks();

		assertThat(huge.length()).as("about 100 KB").isBetween(95_000, 110_000);
		assertRejected(meWith(huge));
		assertRejected(meWith(justTooLong));

		assertThat(signatureChecks()).as("rejected before any signature work").isEqualTo(before);
		meWith(valid());
		assertThat(signatureChecks()).as("the counter does count checks").isEqualTo(before + 1);
	}

	@Test
	void aCompressedTokenIsRejected() {
		Map<String, Object> header = Forge.header(keys());
		header.put("zip", "DEF");

		assertRejected(meWith(Forge.sign(keys(), header, Forge.claims())));
		assertRejected(meWith(Jwts.builder()
			.header().keyId(keys().kid()).and()
			.claims(Forge.claims())
			.compressWith(Jwts.ZIP.DEF)
			.signWith(keys().signingKey(), keys().algorithm().jjwt())
			.compact()));
	}

	// 11
	@Test
	void aJweIsRejectedWhereAJwsIsExpected() {
		SecretKey random = Jwts.ENC.A256GCM.key().build();

		assertRejected(meWith(Jwts.builder().header().keyId(keys().kid()).and().claims(Forge.claims())
			.encryptWith(random, Jwts.ENC.A256GCM).compact()));
		if (keys().verificationKey() instanceof SecretKey secret) {
			// Encrypted with the app's own HMAC secret as a direct AES key.
			SecretKey sameBytes = new javax.crypto.spec.SecretKeySpec(java.util.Arrays.copyOf(secret.getEncoded(), 32), "AES");
			assertRejected(meWith(Jwts.builder().header().keyId(keys().kid()).and().claims(Forge.claims())
				.encryptWith(sameBytes, Jwts.ENC.A256GCM).compact()));
		}
	}
}
