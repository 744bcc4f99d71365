package org.authbench.harness.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Gatling simulations run alone (./mvnw -pl gatling gatling:test) with the same defaults as
 * the harness: both read one file, and each simulation asks it for its own scenario's ladder.
 */
class LoadDefaultsTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	private static final Path GATLING = HOME.resolve("gatling/src/test");

	@Test
	void theHarnessCarriesTheFileTheGatlingSimulationsRead() throws IOException {
		byte[] gatlings = Files.readAllBytes(GATLING.resolve("resources").resolve(LoadDefaults.RESOURCE));

		byte[] harness;
		try (InputStream in = LoadDefaults.class.getClassLoader().getResourceAsStream(LoadDefaults.RESOURCE)) {
			assertThat(in).as(LoadDefaults.RESOURCE + " on the harness's class path").isNotNull();
			harness = in.readAllBytes();
		}

		assertThat(harness).isEqualTo(gatlings);
	}

	@Test
	void gatlingsLoadSettingsTakeTheirDefaultsFromThatFileOnly() throws IOException {
		String settings = Files.readString(GATLING.resolve("java/org/authbench/gatling/LoadSettings.java"));

		assertThat(settings).contains("\"" + LoadDefaults.RESOURCE + "\"")
			.doesNotContain("\"" + LoadDefaults.mix() + "\"")
			.doesNotContain("\"" + LoadDefaults.population() + "\"");
	}

	@Test
	void eachSimulationAsksForItsOwnScenariosLadder() throws IOException {
		Pattern superCall = Pattern.compile("super\\(Workload\\.Model\\.(OPEN|CLOSED), \"([^\"]+)\"\\)");

		for (Scenario scenario : Scenario.values()) {
			String source = Files
				.readString(GATLING.resolve("java/org/authbench/gatling/" + scenario.simulation() + ".java"));
			Matcher call = superCall.matcher(source);

			assertThat(call.find()).as(scenario.simulation() + " names its scenario").isTrue();
			assertThat(call.group(2)).as(scenario.simulation()).isEqualTo(scenario.id());
			assertThat(call.group(1)).isEqualTo(scenario.open() ? "OPEN" : "CLOSED");
			assertThat(scenario.defaultLadder()).isNotEmpty().allMatch(step -> step > 0);
		}
	}

	@Test
	void theDefaultsAreTheDocumentedOnes() {
		assertThat(Scenario.THROUGHPUT.defaultLadder()).isEqualTo(List.of(8, 32));
		assertThat(Scenario.LATENCY.defaultLadder()).isEqualTo(List.of(500, 1000, 2000));
		assertThat(LoadDefaults.population()).isEqualTo(60);
		assertThat(LoadDefaults.mix()).isEqualTo("me=40,items=40,write=20");
	}
}
