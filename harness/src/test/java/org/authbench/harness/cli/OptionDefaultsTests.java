package org.authbench.harness.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.authbench.harness.load.LoadDefaults;
import org.authbench.harness.stack.Catalogue;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.trial.Arrivals;
import org.authbench.harness.trial.TrialSettings;
import org.authbench.harness.trial.TrialTuning;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The commands take their defaults from the one place each is kept: the load options from the
 * file the Gatling simulations read ({@link LoadDefaults}), the stack options from
 * {@link StackSpec}'s builder.
 */
class OptionDefaultsTests {

	private static final StackSpec DEFAULT_STACK = StackSpec.builder(Variant.parse("sticky"), Path.of(".")).build();

	@Test
	void runWithoutLoadOptionsUsesTheSharedDefaults() {
		Run run = new Run();

		Main.configure(new CommandLine(run)).parseArgs("--variant", "sticky");

		assertThat(run.population).isEqualTo(LoadDefaults.population());
		assertThat(run.mix).isEqualTo(LoadDefaults.mix());
		assertThat(run.warmupWindow).isEqualTo(LoadDefaults.warmupWindow()).isEqualTo(Duration.ofSeconds(5));
		assertThat(run.warmupMax).isEqualTo(LoadDefaults.warmupMax());
	}

	@Test
	void trialWithoutAMixUsesTheSharedOne() {
		Trial trial = new Trial();

		Main.configure(new CommandLine(trial)).parseArgs();

		assertThat(trial.mix).isEqualTo(LoadDefaults.mix());
	}

	@Test
	void compareAndTrialPaceWithTheArrivalsOfTheTrialsOwnSettings() {
		Compare compare = new Compare();
		Trial trial = new Trial();

		Main.configure(new CommandLine(compare)).parseArgs();
		Main.configure(new CommandLine(trial)).parseArgs();

		Arrivals quick = TrialSettings.quick(TrialSettings.defaultMix()).arrivals();
		assertThat(quick).isEqualTo(TrialSettings.full(TrialSettings.defaultMix()).arrivals()).isEqualTo(Arrivals.POISSON);
		assertThat(compare.trialOptions.arrivals).isEqualTo(quick);
		assertThat(trial.trialOptions.arrivals).isEqualTo(quick);
	}

	@Test
	void theWarmupBoundIsTheSettingsOwnUnlessGivenAndTheHelpSaysWhichItIs() {
		Compare compare = new Compare();
		Trial trial = new Trial();

		Main.configure(new CommandLine(compare)).parseArgs();
		Main.configure(new CommandLine(trial)).parseArgs("--warmup-windows", "8");

		assertThat(compare.trialOptions.warmupWindows).as("none given: the trial's own bound").isNull();
		assertThat(trial.trialOptions.warmupWindows).isEqualTo(8);
		String said = "default: %d, --quick %d".formatted(TrialSettings.full(TrialSettings.defaultMix()).maxWarmupWindows(),
				TrialSettings.quick(TrialSettings.defaultMix()).maxWarmupWindows());
		for (CommandLine command : List.of(new CommandLine(new Compare()), new CommandLine(new Trial()))) {
			assertThat(String.join(" ", command.getCommandSpec().findOption("--warmup-windows").description()))
				.contains(said);
		}
		TrialSettings tuned = new TrialTuning(null, null, 8, null).applyTo(TrialSettings.quick(TrialSettings.defaultMix()));
		assertThat(tuned.maxWarmupWindows()).isEqualTo(8);
	}

	@Test
	void theTrialsTuningIsTheSameOptionsInCompareAndTrialAndTheHelpGivesTheSettingsOwnRounds() {
		Compare compare = new Compare();
		Trial trial = new Trial();

		Main.configure(new CommandLine(compare)).parseArgs("--rounds", "7", "--arrivals", "fixed", "--slow-wait", "90s");
		Main.configure(new CommandLine(trial)).parseArgs("--rounds", "7", "--arrivals", "fixed", "--slow-wait", "90s");

		TrialTuning tuning = new TrialTuning(7, Arrivals.FIXED, null, Duration.ofSeconds(90));
		assertThat(compare.trialOptions.tuning()).isEqualTo(trial.trialOptions.tuning()).isEqualTo(tuning);
		TrialSettings quick = tuning.applyTo(TrialSettings.quick(TrialSettings.defaultMix()));
		assertThat(quick.rounds()).isEqualTo(7);
		assertThat(quick.arrivals()).isEqualTo(Arrivals.FIXED);
		assertThat(quick.slowWait()).isEqualTo(Duration.ofSeconds(90));
		assertThat(quick.maxWarmupWindows()).as("not given: the settings' own")
			.isEqualTo(TrialSettings.quick(TrialSettings.defaultMix()).maxWarmupWindows());
		String said = "default: %d, --quick %d".formatted(TrialSettings.full(TrialSettings.defaultMix()).rounds(),
				TrialSettings.quick(TrialSettings.defaultMix()).rounds());
		assertThat(String.join(" ", new CommandLine(new Compare()).getCommandSpec().findOption("--rounds").description()))
			.contains(said);
		assertThatIllegalArgumentException().isThrownBy(() -> new TrialTuning(0, null, null, null))
			.withMessage("--rounds must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new TrialTuning(null, null, 1, null))
			.withMessageStartingWith("--warmup-windows must be at least 2");
	}

	@Test
	void theWaitForAFastCpuIsTheSettingsOwnUnlessGivenAndTheHelpSaysWhichItIs() {
		Compare compare = new Compare();
		Trial trial = new Trial();

		Main.configure(new CommandLine(compare)).parseArgs("--slow-wait", "0s");
		Main.configure(new CommandLine(trial)).parseArgs();

		assertThat(compare.trialOptions.slowWait).isZero();
		assertThat(trial.trialOptions.slowWait).as("none given: the trial's own").isNull();
		String said = "default: %dm, --quick %dm".formatted(TrialSettings.FULL_SLOW_WAIT.toMinutes(),
				TrialSettings.QUICK_SLOW_WAIT.toMinutes());
		for (CommandLine command : List.of(new CommandLine(new Compare()), new CommandLine(new Trial()))) {
			assertThat(String.join(" ", command.getCommandSpec().findOption("--slow-wait").description())).contains(said);
		}
	}

	@Test
	void compareAndTrialCompareTheCataloguesListsNamedAfterThemUnlessTold() {
		Compare compare = new Compare();
		Trial trial = new Trial();
		Compare told = new Compare();

		Main.configure(new CommandLine(compare)).parseArgs();
		Main.configure(new CommandLine(trial)).parseArgs();
		Main.configure(new CommandLine(told)).parseArgs("--variants", "jwt,jwt-none");

		assertThat(compare.variants).containsExactlyElementsOf(Catalogue.current().set("compare"))
			.extracting(Setup::id)
			.containsExactly("baseline", "sticky", "clustered", "jwt");
		assertThat(trial.variants).containsExactlyElementsOf(Catalogue.current().set("trial"));
		assertThat(told.variants).extracting(Setup::id).containsExactly("jwt", "jwt-none");
		String help = Main.configure(new CommandLine(new Compare())).getUsageMessage().replaceAll("\\s+", "");
		assertThat(help).contains("(default:baseline,sticky,clustered,jwt)").contains("jwt-none-cached,jwt-token-version");
	}

	@Test
	void upWithoutStackOptionsBuildsTheStackSpecsDefaultStack() {
		Up up = new Up();

		Main.configure(new CommandLine(up)).parseArgs("--variant", "sticky");
		StackSpec spec = up.stack.options.stackSpec(new RunFolder(), Variant.parse("sticky"));

		assertThat(spec.instances()).isEqualTo(DEFAULT_STACK.instances());
		assertThat(spec.port()).isEqualTo(DEFAULT_STACK.port());
		assertThat(spec.appPorts()).isEqualTo(DEFAULT_STACK.appPorts());
		assertThat(spec.redisPort()).isEqualTo(DEFAULT_STACK.redisPort());
		assertThat(spec.connectTimeout()).isEqualTo(DEFAULT_STACK.connectTimeout());
		assertThat(spec.readTimeout()).isEqualTo(DEFAULT_STACK.readTimeout());
		assertThat(spec.tries()).isEqualTo(DEFAULT_STACK.tries());
		assertThat(spec.failTimeout()).isEqualTo(DEFAULT_STACK.failTimeout());
		assertThat(spec.maxFails()).isEqualTo(DEFAULT_STACK.maxFails());
		assertThat(spec.startTimeout()).isEqualTo(DEFAULT_STACK.startTimeout());
	}

	@Test
	void verifyStillTakesItsPortFromTheRunningStack() {
		MainTests.Run help = MainTests.run("verify", "--help");

		assertThat(help.out()).contains("default: the running stack's").doesNotContain("default: 8080");
	}

	@Test
	void theHelpShowsTheDefaultsAsAUserWritesThem() {
		String run = MainTests.run("run", "--help").out().replaceAll("\\s+", " ");
		String up = MainTests.run("up", "--help").out().replaceAll("\\s+", " ");

		assertThat(run).contains("default: " + LoadDefaults.population() + ")")
			.contains("default: " + LoadDefaults.mix() + ")")
			.contains("default: 5s)")
			.contains("default: 60s)");
		assertThat(up).contains("nginx's port (default: 8080)")
			.contains("connect timeout (default: 1s)")
			.contains("(default: 180s)");
	}

	@Test
	void durationsReadBackAsTheyAreWritten() {
		assertThat(OptionDefaults.text(Duration.ofSeconds(3))).isEqualTo("3s");
		assertThat(OptionDefaults.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(Main.duration(OptionDefaults.text(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
	}
}
