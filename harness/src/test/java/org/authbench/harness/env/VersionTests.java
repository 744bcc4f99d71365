package org.authbench.harness.env;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.cli.Main;
import org.authbench.harness.deploy.ContainerStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The version comes from the root pom; the shell scripts, which cannot read it cheaply, keep a copy in step. */
class VersionTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	static String pomVersion() throws IOException {
		Matcher version = Pattern.compile("<artifactId>authbench</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(Files.readString(HOME.resolve("pom.xml")));
		assertThat(version.find()).as("the project version in the root pom").isTrue();
		return version.group(1);
	}

	@Test
	void theHarnessKnowsTheRootPomsVersion() throws IOException {
		assertThat(Version.current()).isEqualTo(pomVersion());
	}

	@Test
	void theCliAndTheImageTagsSayIt() throws IOException {
		StringWriter out = new StringWriter();

		Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");

		assertThat(out.toString().trim()).isEqualTo("authbench " + pomVersion());
		assertThat(ContainerStack.image("jwt-app")).isEqualTo("authbench/jwt-app:" + pomVersion());
	}

	@ParameterizedTest
	@ValueSource(strings = { "authbench", "deploy/images.sh" })
	void theScriptsNameTheSameVersion(String script) throws IOException {
		Matcher copy = Pattern.compile("(?m)^VERSION=(\\S+)$").matcher(Files.readString(HOME.resolve(script)));

		assertThat(copy.find()).as(script + " sets VERSION").isTrue();
		assertThat(copy.group(1)).as(script + "'s VERSION").isEqualTo(pomVersion());
	}
}
