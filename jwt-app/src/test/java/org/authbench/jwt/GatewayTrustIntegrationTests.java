package org.authbench.jwt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust-gateway mode over real HTTP: identity only from the gateway's headers with the shared
 * secret; forged headers and bearer tokens sent around the gateway get nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authbench.users.hash-cost=4", "authbench.jwt.revocation=none",
				"authbench.jwt.secret=" + TestKeys.SECRET, "authbench.gateway.trust=true",
				"authbench.gateway.secret=" + GatewayTrustIntegrationTests.GATEWAY_SECRET })
class GatewayTrustIntegrationTests {

	static final String GATEWAY_SECRET = "gateway-secret-of-at-least-32-characters";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	/** Login keeps the refresh-token family in Redis, whatever the revocation mode. */
	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", redis::port);
		registry.add("spring.data.redis.timeout", () -> "3s");
	}

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theGatewaysHeadersWithTheSecretNameTheCaller() throws Exception {
		HttpResponse<String> me = get("/api/me", "X-User", "user0042", "X-Roles", "USER", "X-Gateway-Secret",
				GATEWAY_SECRET);

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"user0042\"");
	}

	@Test
	void identityHeadersWithoutOrWithAWrongSecretAre401() throws Exception {
		HttpResponse<String> noSecret = get("/api/admin/stats", "X-User", "admin", "X-Roles", "ADMIN,USER");
		HttpResponse<String> wrongSecret = get("/api/admin/stats", "X-User", "admin", "X-Roles", "ADMIN,USER",
				"X-Gateway-Secret", GATEWAY_SECRET.replace('g', 'G'));

		assertThat(noSecret.statusCode()).isEqualTo(401);
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(wrongSecret.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void aValidBearerTokenSentAroundTheGatewayIsIgnored() {
		ApiClient client = new ApiClient("http://127.0.0.1:" + this.port, CredentialKind.BEARER);
		assertThat(client.login("user0003", "changeit").status()).isEqualTo(200);

		int direct = client.get("/api/me").status();

		assertThat(direct).isEqualTo(401);
	}

	@Test
	void theAuthorizerStillVerifiesTokensForTheGateway() throws Exception {
		ApiClient client = new ApiClient("http://127.0.0.1:" + this.port, CredentialKind.BEARER);
		client.login("admin", "changeit");

		HttpResponse<String> valid = get("/api/auth/authorize", "Authorization", "Bearer " + client.accessToken());
		HttpResponse<String> tampered = get("/api/auth/authorize", "Authorization",
				"Bearer " + client.accessToken() + "x");

		assertThat(valid.statusCode()).isEqualTo(200);
		assertThat(valid.headers().firstValue("X-User")).hasValue("admin");
		assertThat(valid.headers().firstValue("X-Roles")).hasValueSatisfying(roles -> assertThat(roles).contains("ADMIN"));
		assertThat(tampered.statusCode()).isEqualTo(401);
	}
}
