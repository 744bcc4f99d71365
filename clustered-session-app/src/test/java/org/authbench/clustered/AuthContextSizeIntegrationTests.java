package org.authbench.clustered;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth-context knob (docs/design.md §3): {@code authbench.auth-context-bytes} of padding travel to
 * Redis in the session, and the session keeps working.
 */
class AuthContextSizeIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static ConfigurableApplicationContext start(int contextBytes) {
		return new SpringApplicationBuilder(ClusteredSessionApplication.class).run("--server.port=0",
				"--authbench.users.hash-cost=4", "--spring.data.redis.port=" + redis.port(),
				"--spring.data.redis.connect-timeout=5s", "--spring.data.redis.timeout=5s",
				"--AUTHBENCH_AUTH_CONTEXT_BYTES=" + contextBytes);
	}

	/** Logs in, checks /api/me, and returns the bytes Redis holds for the session. */
	static long sessionBytes(int contextBytes) {
		try (ConfigurableApplicationContext app = start(contextBytes)) {
			ApiClient client = new ApiClient(
					"http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort(),
					CredentialKind.COOKIE);
			assertThat(client.login("admin", "changeit").status()).isEqualTo(200);
			Answer me = client.get("/api/me");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("roles").toString()).contains("ADMIN", "USER");
			String value = client.cookie().substring(client.cookie().indexOf('=') + 1);
			String id = new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
			String reply = redis.command("MEMORY", "USAGE", "authbench:session:sessions:" + id);
			assertThat(reply).as("MEMORY USAGE answers an integer for an existing key").startsWith(":");
			return Long.parseLong(reply.substring(1).strip());
		}
	}

	@Test
	void theSessionInRedisGrowsWithTheAuthContextSetting() {
		long none = sessionBytes(0);
		long oneKb = sessionBytes(1024);
		long fourKb = sessionBytes(4096);

		assertThat(oneKb - none).isBetween(1024L, 1024L + 512);
		assertThat(fourKb - none).isBetween(4096L, 4096L + 512);
	}
}
