package org.authbench.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.authbench.identity.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md case 24: an HS256 secret longer than 256 bits (here 384, as
 * {@code openssl rand -base64 48} gives) starts the app and is used for HS256 only. jjwt would
 * pick HS384 for such a key if the algorithm were not pinned; every token case of
 * {@link TokenRejectionCases} runs again with it, including HS384 and HS512 tokens properly
 * signed with this very secret (case 3). A shorter secret is refused: see
 * {@link JwtStartupRefusalTests}.
 */
@TestPropertySource(properties = "authbench.jwt.secret=" + TestKeys.SECRET_384)
class LongHs256SecretIntegrationTests extends TokenRejectionCases {

	@Autowired
	TokenService tokens;

	@Test
	void theAppSignsWithHs256AndAcceptsItsOwnTokens() {
		String token = this.tokens.issue(new Identity("user0001", List.of("USER")), TokenService.Use.ACCESS, Instant.now(),
				"family-1", null).token();

		String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
		assertThat(header).contains("\"alg\":\"HS256\"").contains("\"kid\":\"" + keys().kid() + "\"");
		assertThat(meWith(token).status()).isEqualTo(200);
	}

	@Test
	void aKeysFileWithA512BitHs256KeyServesHs256() throws Exception {
		Path file = Files.createTempDirectory("authbench-keys-").resolve("keys.json");
		Files.writeString(file, "{\"active\":\"long\",\"keys\":[{\"kty\":\"oct\",\"kid\":\"long\",\"alg\":\"HS256\",\"k\":\""
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]) + "\"}]}");

		KeyRing ring = KeysFile.read(file).ring();

		assertThat(ring.active().algorithm()).isEqualTo(JwtAlgorithm.HS256);
		assertThat(ring.entries()).extracting(KeyRing.Entry::algorithm).containsExactly(JwtAlgorithm.HS256);
	}
}
