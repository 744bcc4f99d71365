package org.authbench.harness.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A real app jar made into a class-data archive, started from it, and dropped once the jar changes. */
class ClassDataArchiveIntegrationTests {

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	@TempDir
	Path dir;

	@Test
	void theAppStartsFromItsArchiveUntilTheJarChanges() throws Exception {
		Path jar = this.dir.resolve("app.jar");
		Files.copy(appJar("baseline"), jar);
		ClassDataArchive archive = new ClassDataArchive(jar, JAVA);
		assertThat(archive.launch()).containsExactly("-jar", jar.toString());

		List<String> said = new ArrayList<>();
		assertThat(archive.prepare(Map.of("AUTHBENCH_BIND_ADDRESS", "127.0.0.1"), said::add)).isTrue();
		assertThat(said).singleElement().asString().contains("making a class-data archive for app.jar");
		List<String> launch = archive.launch();
		assertThat(launch).hasSize(3);
		assertThat(launch.get(0)).isEqualTo("-XX:SharedArchiveFile=" + this.dir.resolve("cds").resolve("app.jsa"));
		assertThat(launch.subList(1, 3)).containsExactly("-jar", this.dir.resolve("cds").resolve("app.jar").toString());
		// -Xshare:on: the JVM refuses to start unless it maps the archive.
		List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xshare:on", "-Dspring.context.exit=onRefresh"));
		command.addAll(launch);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("start.log").toFile());
		builder.environment().put("SERVER_PORT", "0");
		Process start = builder.start();
		assertThat(start.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(start.exitValue()).as(Files.readString(this.dir.resolve("start.log"))).isZero();

		said.clear();
		assertThat(archive.prepare(Map.of(), said::add)).isTrue();
		assertThat(said).isEmpty();

		Files.copy(appJar("sticky"), jar, StandardCopyOption.REPLACE_EXISTING);
		assertThat(archive.current()).isFalse();
		assertThat(archive.launch()).containsExactly("-jar", jar.toString());
	}

	@Test
	void aJarThatCannotBeExtractedStartsAsItIs() throws Exception {
		Path jar = this.dir.resolve("broken.jar");
		Files.writeString(jar, "not a jar");
		ClassDataArchive archive = new ClassDataArchive(jar, JAVA);
		List<String> said = new ArrayList<>();
		assertThat(archive.prepare(Map.of(), said::add)).isFalse();
		assertThat(said).last().asString().startsWith("could not extract broken.jar").endsWith("starting it from the jar");
		assertThat(archive.current()).isFalse();
		assertThat(archive.launch()).containsExactly("-jar", jar.toString());
	}

	@Test
	void offTurnsArchivesOff() {
		assertThat(ClassDataArchive.enabled(Map.of())).isTrue();
		assertThat(ClassDataArchive.enabled(Map.of(ClassDataArchive.SETTING, "on"))).isTrue();
		assertThat(ClassDataArchive.enabled(Map.of(ClassDataArchive.SETTING, " OFF "))).isFalse();
	}

	private static Path appJar(String variant) {
		Path jar = StackSpec.builder(Variant.parse(variant), TestStacks.home()).build().appJar();
		assertThat(jar).as("built by ./mvnw package").isRegularFile();
		return jar;
	}
}
