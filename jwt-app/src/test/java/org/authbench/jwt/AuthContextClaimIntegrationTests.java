package org.authbench.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth-context knob (docs/design.md §3) on the JWT variant: the padding rides in every access
 * token as the {@code ctx} claim, and the token still works. Revocation is off; Redis only
 * keeps the refresh-token family of each login.
 */
class AuthContextClaimIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	/** An access token issued with this much padding, after checking it works on /api/me. */
	static String accessToken(int contextBytes) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JwtApplication.class).run(
				"--server.port=0", "--authbench.users.hash-cost=4", "--authbench.jwt.secret=" + TestKeys.SECRET,
				"--authbench.jwt.revocation=none", "--AUTHBENCH_AUTH_CONTEXT_BYTES=" + contextBytes,
				"--spring.data.redis.port=" + redis.port(), "--spring.data.redis.timeout=3s")) {
			ApiClient client = new ApiClient(
					"http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort(),
					CredentialKind.BEARER);
			assertThat(client.login("user0301", "changeit").status()).isEqualTo(200);
			assertThat(client.get("/api/me").status()).isEqualTo(200);
			return client.accessToken();
		}
	}

	static String payload(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	@Test
	void theAccessTokenGrowsWithTheAuthContextSetting() {
		String none = accessToken(0);
		String oneKb = accessToken(1024);
		String fourKb = accessToken(4096);

		assertThat(payload(none)).doesNotContain("\"ctx\"");
		assertThat(payload(oneKb)).contains("\"ctx\":\"" + "x".repeat(1024) + "\"");
		// base64url: every 3 bytes of claim take 4 characters on the wire
		assertThat(oneKb.length() - none.length()).isBetween(1024 * 4 / 3, 1024 * 4 / 3 + 16);
		assertThat(fourKb.length() - none.length()).isBetween(4096 * 4 / 3, 4096 * 4 / 3 + 16);
	}
}
