package org.authbench.jwt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/security.md case 12 and the other settings jwt-app refuses to start with, each with a message saying why. */
class JwtStartupRefusalTests {

	private static void start(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--authbench.users.hash-cost=4";
		System.arraycopy(args, 0, all, 2, args.length);
		new SpringApplicationBuilder(JwtApplication.class).run(all).close();
	}

	@Test
	void aSecretShorterThan256BitsStopsTheApp() {
		String secret128Bits = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatThrownBy(() -> start("--authbench.jwt.secret=" + secret128Bits))
			.hasRootCauseInstanceOf(InvalidJwtSecretException.class)
			.rootCause()
			.hasMessageContaining("128 bits")
			.hasMessageContaining("at least 256");
	}

	@Test
	void noSecretAndNoKeysFileStopsTheAppForHs256() {
		assertThatThrownBy(() -> start("--authbench.jwt.secret="))
			.hasRootCauseInstanceOf(InvalidJwtSecretException.class)
			.rootCause()
			.hasMessageContaining("AUTHBENCH_JWT_SECRET");
	}

	@Test
	void anRsaKeyUnder2048BitsStopsTheApp() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		KeyPair weak = generator.generateKeyPair();
		Path file = keysFile(Jwks.builder().keyPair(weak).id("weak").algorithm("RS256").build());

		assertThatThrownBy(() -> start("--authbench.jwt.algorithm=RS256", "--authbench.jwt.keys=" + file))
			.hasRootCauseInstanceOf(InvalidJwtKeyException.class)
			.rootCause()
			.hasMessageContaining("RSA key of 1024 bits")
			.hasMessageContaining("at least 2048");
	}

	@Test
	void aShortHmacKeyInTheKeysFileStopsTheApp() throws Exception {
		// Written by hand: jjwt refuses to build such a JWK.
		Path file = Files.createTempDirectory("authbench-keys-").resolve("keys.json");
		Files.writeString(file, "{\"active\":\"short\",\"keys\":[{\"kty\":\"oct\",\"kid\":\"short\",\"alg\":\"HS256\",\"k\":\""
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[20]) + "\"}]}");

		assertThatThrownBy(() -> start("--authbench.jwt.keys=" + file))
			.hasRootCauseInstanceOf(InvalidJwtKeyException.class)
			.rootCause()
			.hasMessageContaining("minimum length of 256 bits");
	}

	@Test
	void anActiveKeyOfAnotherAlgorithmThanConfiguredStopsTheApp() {
		TestKeys es256 = TestKeys.file(JwtAlgorithm.ES256);

		assertThatThrownBy(() -> start("--authbench.jwt.algorithm=RS256", "--authbench.jwt.keys=" + es256.path()))
			.hasRootCauseInstanceOf(InvalidJwtKeyException.class)
			.rootCause()
			.hasMessageContaining("is ES256 but AUTHBENCH_JWT_ALG is RS256");
	}

	@Test
	void theFailureAnalyzerTellsTheOperatorWhatToDo() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(printed, true));
		try {
			assertThatThrownBy(() -> start("--authbench.jwt.keys=/nonexistent/keys.json"));
		}
		finally {
			System.setOut(original);
		}

		assertThat(printed.toString()).contains("APPLICATION FAILED TO START")
			.contains("/nonexistent/keys.json cannot be read")
			.contains("java -jar jwt-app.jar keys generate");
	}

	@Test
	void aClockSkewAbove60SecondsStopsTheApp() {
		assertThatThrownBy(() -> start("--authbench.jwt.secret=" + TestKeys.SECRET, "--authbench.jwt.clock-skew=61s"))
			.rootCause()
			.hasMessageContaining("clock-skew must be 0..60s");
	}

	private static Path keysFile(Jwk<?> key) throws Exception {
		Path file = Files.createTempDirectory("authbench-keys-").resolve("keys.json");
		Files.writeString(file, "{\"active\":\"" + key.getId() + "\",\"keys\":[" + Jwks.UNSAFE_JSON(key) + "]}");
		return file;
	}
}
