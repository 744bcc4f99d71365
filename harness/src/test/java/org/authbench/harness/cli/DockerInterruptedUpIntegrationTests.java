package org.authbench.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.authbench.harness.docker.DockerEngine;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker runtime's side of {@link InterruptedRunIntegrationTests} (container tier): SIGTERM to
 * a foreground {@code up --runtime docker} removes every container it started, and its networks.
 */
@ExtendWith(DockerEngine.class)
class DockerInterruptedUpIntegrationTests {

	@Test
	void sigtermToAStackOfContainersInTheForegroundRemovesThem(@TempDir Path dir) throws IOException, InterruptedException {
		Path log = dir.resolve("harness.out");
		Process harness = InterruptedRunIntegrationTests.harness(dir, log, "up", "--runtime", "docker", "--variant",
				"baseline");
		DockerClient docker = DockerClientFactory.instance().client();
		try {
			Awaitility.await("the stack is up in the foreground")
				.atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> Files.readString(log).contains("Running in the foreground"));
			String project = Files.readString(dir.resolve("run").resolve("docker-project")).strip();
			List<String> running = containers(docker, project);

			harness.destroy(); // SIGTERM

			assertThat(harness.waitFor(60, TimeUnit.SECONDS)).as("the harness ended").isTrue();
			assertThat(running).as("the stack's containers while it was up")
				.anyMatch(name -> name.endsWith("-nginx"))
				.anyMatch(name -> name.endsWith("-app-1"));
			assertThat(containers(docker, project)).as("its containers after SIGTERM").isEmpty();
			assertThat(docker.listNetworksCmd().withNameFilter(project).exec()).as("its networks").isEmpty();
			assertThat(Files.readString(log)).contains("stopping the stack in");
		}
		finally {
			harness.destroyForcibly();
			harness.waitFor(30, TimeUnit.SECONDS);
			Path projectFile = dir.resolve("run").resolve("docker-project");
			if (Files.exists(projectFile)) { // the hook did not run: leave nothing behind anyway
				String project = Files.readString(projectFile).strip();
				containers(docker, project).forEach(name -> docker.removeContainerCmd(name).withForce(true).exec());
				docker.listNetworksCmd().withNameFilter(project).exec().forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
			}
		}
	}

	private static List<String> containers(DockerClient docker, String project) {
		return docker.listContainersCmd()
			.withShowAll(true)
			.withLabelFilter(Map.of("org.authbench.project", project))
			.exec()
			.stream()
			.map(Container::getNames)
			.map(names -> names[0])
			.toList();
	}
}
