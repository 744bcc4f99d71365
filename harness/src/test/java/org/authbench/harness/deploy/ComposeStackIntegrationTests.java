package org.authbench.harness.deploy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.authbench.harness.docker.DockerEngine;
import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.verify.Verify;
import org.authbench.testsupport.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This repository's docker-compose.yml, run for real: {@code docker-compose --profile sticky up -d}
 * with the images of {@code ./authbench images} brings up a stack that the harness's verify
 * passes through its nginx. Container tier: needs a Docker engine and the images.
 */
@ExtendWith(DockerEngine.class)
class ComposeStackIntegrationTests {

	static final String PROJECT = "authbench-compose-" + UUID.randomUUID().toString().substring(0, 8);

	static final int PORT = FreePorts.next();

	/** The secrets every profile reads (README: .env), and nginx's host port. */
	static final Map<String, String> ENV = Map.of("AUTHBENCH_PORT", String.valueOf(PORT), "AUTHBENCH_JWT_SECRET",
			"c3RhY2stdGVzdC1zZWNyZXQtb2YtMzItYnl0ZXMtLi4=", "AUTHBENCH_GATEWAY_SECRET", "compose-test-gateway");

	static final String URL = "http://127.0.0.1:" + PORT;

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static DockerEngine.Output up;

	@BeforeAll
	static void up() {
		up = compose(Duration.ofMinutes(5), "up", "-d", "--no-build");
		if (up.exit() == 0) {
			// compose starts nginx once the instances are healthy; nginx itself needs a moment.
			Awaitility.await("nginx of the compose stack answers")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
	}

	@AfterAll
	static void down() {
		DockerEngine.Output down = compose(Duration.ofMinutes(2), "down", "-v", "--timeout", "5");
		assertThat(down.exit()).as("compose down: %s", down.text()).isZero();
	}

	@Test
	void theStickyProfilePassesVerifyThroughItsNginx() {
		assertThat(up.exit()).as("docker-compose up: %s", up.text()).isZero();

		Verify.Result result = Verify.run(URL, Verify.Target.of(Variant.parse("sticky"), LbMode.STICKY, null));

		StringWriter printed = new StringWriter();
		result.print(new PrintWriter(printed));
		assertThat(result.passed()).as("verify through compose's nginx:%n%s", printed).isTrue();
		assertThat(result.checks()).anySatisfy(check -> assertThat(check.name()).contains("sticky instance"));
	}

	private static DockerEngine.Output compose(Duration timeout, String... args) {
		List<String> command = new ArrayList<>(DockerEngine.compose());
		command.addAll(List.of("-p", PROJECT, "-f", DeployFixtures.HOME.resolve(Compose.FILE).toString(), "--profile",
				"sticky"));
		command.addAll(List.of(args));
		return DockerEngine.run(command, ENV, timeout.toSeconds());
	}
}
