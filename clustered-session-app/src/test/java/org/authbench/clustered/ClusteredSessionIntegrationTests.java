package org.authbench.clustered;

import java.time.Duration;
import java.util.function.Supplier;

import io.lettuce.core.RedisURI;
import org.awaitility.Awaitility;

import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real instances sharing one real Redis: what clustering buys, and what Redis costs.
 * Instance A runs the default session store, instance B the tuned one: both read and write
 * the same sessions, since the tuned store keeps the default one's format.
 */
class ClusteredSessionIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	static ConfigurableApplicationContext instanceA;

	static ConfigurableApplicationContext instanceB;

	@BeforeAll
	static void start() {
		instanceA = instance("clustered-a", "default");
		instanceB = instance("clustered-b", "tuned");
	}

	@AfterAll
	static void stop() {
		instanceA.close();
		instanceB.close();
	}

	static ConfigurableApplicationContext instance(String id, String store) {
		return new SpringApplicationBuilder(ClusteredSessionApplication.class).run("--server.port=0",
				"--authbench.instance-id=" + id, "--authbench.users.hash-cost=4",
				"--spring.data.redis.port=" + redis.port(), "--authbench.session.store=" + store);
	}

	static String url(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	/** Lettuce reconnects on its own, with a back-off: poll, bounded, until Redis answers again. */
	static Answer untilNot503(Supplier<Answer> call) {
		return Awaitility.await("an answer other than 503")
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(call::get, answer -> answer.status() != 503);
	}

	@Test
	void aSessionCreatedOnOneInstanceIsAcceptedByAnother() {
		ApiClient onA = new ApiClient(url(instanceA), CredentialKind.COOKIE);
		onA.login("user0042", "changeit");

		Answer onB = onA.sameCredentialAt(url(instanceB)).get("/api/me");

		assertThat(onB.status()).isEqualTo(200);
		assertThat(onB.json().get("username").asString()).isEqualTo("user0042");
		assertThat(onB.header("X-Instance-Id")).contains("clustered-b");
	}

	@Test
	void aSessionCreatedOnTheTunedInstanceIsAcceptedByTheDefaultOne() {
		ApiClient onB = new ApiClient(url(instanceB), CredentialKind.COOKIE);
		onB.login("user0046", "changeit");

		Answer onA = onB.sameCredentialAt(url(instanceA)).post("/api/items", "{\"name\":\"lamp\",\"price\":1}");

		assertThat(onA.status()).isEqualTo(201);
		assertThat(onA.json().get("owner").asString()).isEqualTo("user0046");
	}

	@Test
	void logoutOnOneInstanceEndsTheSessionOnTheOther() {
		ApiClient onA = new ApiClient(url(instanceA), CredentialKind.COOKIE);
		onA.login("user0043", "changeit");
		ApiClient onB = onA.sameCredentialAt(url(instanceB));
		assertThat(onB.get("/api/me").status()).isEqualTo(200);

		onA.post("/api/auth/logout", null);

		assertThat(onB.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void redisOutageIsAFast503AndServiceResumesWithoutRestart() {
		ApiClient client = new ApiClient(url(instanceA), CredentialKind.COOKIE);
		client.login("user0044", "changeit");

		redis.kill();
		long start = System.nanoTime();
		Answer during = client.get("/api/me");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Answer writeDuring = client.post("/api/items", "{\"name\":\"lamp\",\"price\":1}");
		Answer loginDuring = new ApiClient(url(instanceB), CredentialKind.COOKIE).login("user0045", "changeit");
		Answer healthDuring = new ApiClient(url(instanceA), CredentialKind.NONE).anonymous("GET", "/actuator/health", null);
		Answer duringOnTuned = client.sameCredentialAt(url(instanceB)).get("/api/me");
		redis.restart();
		Answer sessionAfter = untilNot503(() -> client.get("/api/me"));
		Answer loginAfterOnTuned = untilNot503(
				() -> new ApiClient(url(instanceB), CredentialKind.COOKIE).login("user0045", "changeit"));
		Answer loginAfter = new ApiClient(url(instanceA), CredentialKind.COOKIE).login("user0044", "changeit");

		assertThat(during.status()).isEqualTo(503);
		assertThat(during.isJson()).isTrue();
		assertThat(during.json().get("message").asString()).contains("Redis");
		assertThat(took).as("bounded by the configured Redis timeouts (500 ms), not Lettuce's default")
			.isLessThan(RedisURI.DEFAULT_TIMEOUT_DURATION);
		assertThat(writeDuring.status()).as("the CSRF token is checked without Redis, the session is not").isEqualTo(503);
		assertThat(writeDuring.isJson()).isTrue();
		assertThat(loginDuring.status()).isEqualTo(503);
		assertThat(loginDuring.json().get("message").asString()).contains("Redis");
		assertThat(healthDuring.status()).as("the instance is up and says Redis is down").isEqualTo(503);
		assertThat(duringOnTuned.status()).isEqualTo(503);
		assertThat(duringOnTuned.isJson()).isTrue();
		assertThat(loginAfterOnTuned.status()).isEqualTo(200);
		assertThat(sessionAfter.status()).as("a non-persistent Redis lost every session").isEqualTo(401);
		assertThat(loginAfter.status()).isEqualTo(200);
	}
}
