package org.authbench.harness.trial;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.TestStacks;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drills' warm-up loads a real stack (sticky, two instances behind nginx) with wrk until it
 * has served three times the drill's rate twice in a row, and says how far each stack got.
 */
class DrillWarmupIntegrationTests {

	@Test
	void aStackIsWarmOnceItServedThreeTimesTheDrillsRateTwiceInARow() throws Exception {
		Setup sticky = Setup.parse("sticky");
		StringWriter said = new StringWriter();
		PrintWriter out = new PrintWriter(said, true);
		try (TrialStacks stacks = TrialStacks.start(Map.of(sticky, TestStacks.spec(Variant.parse("sticky"), 2).build()),
				out)) {
			Map<String, Boolean> warm = DrillWarmup.run(stacks.targets(), 50, out,
					Files.createTempDirectory("authbench-drill-warmup-"));

			assertThat(warm).containsExactly(Map.entry("sticky", true));
			assertThat(said.toString()).contains("until each serves 150 req/s")
				.containsPattern("sticky: [\\d,]+ req/s after \\d+ windows\\n")
				.contains("warmed in ");
		}
	}

	@Test
	void warmMeansTheLastTwoWindowsAtTheFloor() {
		assertThat(DrillWarmup.warm(List.of(), 900)).isFalse();
		assertThat(DrillWarmup.warm(List.of(950.0), 900)).isFalse();
		assertThat(DrillWarmup.warm(List.of(950.0, 880.0), 900)).isFalse();
		assertThat(DrillWarmup.warm(List.of(880.0, 950.0, 900.0), 900)).isTrue();
	}
}
