package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line without a stack: help, usage errors, commands that need a running stack. */
class MainTests {

	record Run(int code, String out, String err) {
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void helpListsEveryCommand() {
		Run help = run("--help");

		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("up", "down", "status", "chaos", "verify");
	}

	@Test
	void upHelpNamesTheModes() {
		Run help = run("up", "--help");

		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("--variant", "--instances", "--lb", "gateway-njs", "--detach", "--java-home");
	}

	@Test
	void archivesOffersTheProjectFolderButNoRunFolder() {
		Run help = run("archives", "--help");

		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("--home", "--java-home").doesNotContain("--run-dir");
		assertThat(run("up", "--help").out()).as("the verbs with a stack keep both").contains("--home", "--run-dir");
	}

	@Test
	void anUnknownVariantOrModeIsAUsageError() {
		Run variant = run("up", "--variant", "oauth");
		Run mode = run("up", "--variant", "jwt", "--lb", "ip-hash");

		assertThat(variant.code()).isEqualTo(2);
		assertThat(variant.err()).contains("unknown variant 'oauth'", "baseline, ", "sticky, ", "clustered, ", "jwt, ",
				"clustered-ha, ", "jwt-ha, ");
		assertThat(mode.code()).isEqualTo(2);
		assertThat(mode.err()).contains("unknown load-balancing mode 'ip-hash'");
	}

	@Test
	void anUnknownScenarioOfCompareFailsWithTheKnownOnesBeforeAnythingStarts() {
		Run compare = run("compare", "--scenarios", "throughput,failvoer");

		assertThat(compare.code()).isEqualTo(1);
		assertThat(compare.err()).contains("authbench compare: no scenario 'failvoer'; scenarios: throughput, latency, ",
				"revocation, context-size, failover, ", "redis-primary-freeze");
	}

	@Test
	void aGatewayModeNeedsTheJwtVariant() throws Exception {
		Path runDir = Files.createTempDirectory("authbench-main-");

		Run up = run("up", "--variant", "sticky", "--lb", "gateway", "--run-dir", runDir.toString());

		assertThat(up.code()).isEqualTo(1);
		assertThat(up.err()).contains("--lb gateway verifies JWT access tokens: it needs --variant jwt");
	}

	@Test
	void chaosAndStatusWithoutAStackSayThereIsNone() throws Exception {
		Path runDir = Files.createTempDirectory("authbench-main-");

		Run chaos = run("chaos", "kill", "app-2", "--run-dir", runDir.toString());
		Run down = run("down", "--run-dir", runDir.toString());

		assertThat(chaos.code()).isEqualTo(1);
		assertThat(chaos.err()).contains("no stack is running from " + runDir);
		assertThat(down.code()).isZero();
		assertThat(down.out()).contains("nothing to stop");
	}

	@Test
	void durationsReadLikeTheDocumentation() {
		assertThat(Main.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Main.duration("3s")).isEqualTo(Duration.ofSeconds(3));
		assertThat(Main.duration("2m")).isEqualTo(Duration.ofMinutes(2));
	}
}
