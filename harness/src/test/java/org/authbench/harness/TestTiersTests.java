package org.authbench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suffix of a test class tells its tier (docs/tests.md): a {@code *Tests} class runs in
 * {@code ./mvnw test} and starts nothing, so it uses none of the ways the process tier starts a
 * server, a stack, a browser or a container, and extends no process-tier body.
 */
class TestTiersTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	/** What only a process-tier test does, as it reads in the source. */
	static final List<String> PROCESS_MARKERS = List.of("RedisServer", "TestStacks", "WebEnvironment.RANDOM_PORT",
			"DockerEngine", "Binaries.require", "chromium", "extends ApiContractCases", "extends SessionSecurityCases",
			"extends TokenRejectionCases", "extends PublicKeyTokenRejectionCases", "extends GatewayTokenCases",
			"extends GatewayStackIntegrationTests");

	@Test
	void noUnitTestStartsAProcess() throws IOException {
		List<String> found = new ArrayList<>();

		for (Path file : testSources()) {
			String name = file.getFileName().toString();
			if (name.endsWith("Tests.java") && !name.endsWith("IntegrationTests.java")
					&& !name.equals("TestTiersTests.java")) {
				String text = Files.readString(file);
				PROCESS_MARKERS.stream()
					.filter(text::contains)
					.forEach(marker -> found.add(HOME.relativize(file) + ": " + marker));
			}
		}

		assertThat(found).as("*Tests classes that start processes: rename them *IntegrationTests (docs/tests.md)")
			.isEmpty();
	}

	@Test
	void theCheckSeesEveryModulesTests() throws IOException {
		List<String> modules = testSources().stream().map(file -> HOME.relativize(file).getName(0).toString())
			.distinct()
			.toList();

		assertThat(modules).contains("resource-api", "baseline-app", "sticky-session-app", "clustered-session-app",
				"jwt-app", "harness");
	}

	private static List<Path> testSources() throws IOException {
		List<Path> sources = new ArrayList<>();
		try (Stream<Path> modules = Files.list(HOME)) {
			for (Path tests : modules.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory).toList()) {
				try (Stream<Path> files = Files.walk(tests)) {
					files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
				}
			}
		}
		return sources;
	}
}
