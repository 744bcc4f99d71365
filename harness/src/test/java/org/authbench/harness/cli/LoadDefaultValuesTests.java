package org.authbench.harness.cli;

import java.time.Duration;

import org.authbench.harness.load.LoadDefaults;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run} and {@code trial} take their load defaults from the file the Gatling simulations read. */
class LoadDefaultValuesTests {

	@Test
	void runWithoutLoadOptionsUsesTheSharedDefaults() {
		Run run = new Run();

		Main.withConverters(new CommandLine(run)).parseArgs("--variant", "sticky");

		assertThat(run.population).isEqualTo(LoadDefaults.population());
		assertThat(run.mix).isEqualTo(LoadDefaults.mix());
		assertThat(run.warmupWindow).isEqualTo(LoadDefaults.warmupWindow()).isEqualTo(Duration.ofSeconds(5));
		assertThat(run.warmupMax).isEqualTo(LoadDefaults.warmupMax());
	}

	@Test
	void trialWithoutAMixUsesTheSharedOne() {
		Trial trial = new Trial();

		Main.withConverters(new CommandLine(trial)).parseArgs();

		assertThat(trial.mix).isEqualTo(LoadDefaults.mix());
	}

	@Test
	void theHelpShowsTheDefaultsAsAUserWritesThem() {
		MainTests.Run help = MainTests.run("run", "--help");

		assertThat(help.out().replaceAll("\\s+", " ")).contains("default: " + LoadDefaults.population() + ")")
			.contains("default: " + LoadDefaults.mix() + ")")
			.contains("default: 5s)")
			.contains("default: 60s)");
	}
}
