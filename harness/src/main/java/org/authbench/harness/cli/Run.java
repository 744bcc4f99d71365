package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.authbench.harness.drill.Drill;
import org.authbench.harness.drill.DrillEvent;
import org.authbench.harness.load.LoadRun;
import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.stack.StackSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code authbench run}: starts a stack, verifies it, drives one scenario (or drill) with
 * Gatling, stops the stack, writes {@code results/<timestamp>-<name>/}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, defaultValueProvider = OptionDefaults.class,
		description = { "Runs one load scenario or chaos drill against a fresh stack and writes "
				+ "results/<timestamp>-<name>/ (summary.json, env.json, Gatling report, process logs).",
				"Load is refused when the stack fails verify. The stack is stopped at the end." })
final class Run implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	VariantStack stack;

	@Option(names = "--scenario", defaultValue = "throughput", paramLabel = "SCENARIO",
			description = "throughput | latency | steady, or a drill: failover | freeze | rolling-restart | "
					+ "redis-outage | redis-latency | redis-failover | redis-primary-freeze (default: ${DEFAULT-VALUE}).")
	String scenario;

	@Option(names = "--drill", paramLabel = "TIMELINE",
			description = "Your own drill under steady load, e.g. \"kill app-2@20s, start app-2@40s\".")
	String drill;

	@Option(names = "--duration", paramLabel = "DURATION",
			description = "Measured time after warm-up, split over the ladder steps (default: 30s; a drill: its timeline).")
	Duration duration;

	@ArgGroup(exclusive = true)
	Load load = new Load();

	static final class Load {

		@Option(names = "--users", split = ",", paramLabel = "N",
				description = "Closed model: concurrent users, a ladder like 8,32 (throughput; default: the scenario's own).")
		List<Integer> users;

		@Option(names = "--rate", split = ",", paramLabel = "R",
				description = "Open model: requests/s, a ladder like 500,1000 (latency, steady, drills; default: the scenario's own).")
		List<Integer> rate;
	}

	@Option(names = "--population", paramLabel = "N",
			description = "Open model: paced users sharing the rate (default: ${DEFAULT-VALUE}).")
	int population;

	@Option(names = "--warmup-window", paramLabel = "DURATION",
			description = "Warm-up window; warm-up ends when two agree within 5%% (default: ${DEFAULT-VALUE}).")
	Duration warmupWindow;

	@Option(names = "--warmup-max", paramLabel = "DURATION",
			description = "Longest warm-up; the result says when it was cut (default: ${DEFAULT-VALUE}).")
	Duration warmupMax;

	@Option(names = "--mix", paramLabel = "MIX", description = "Request mix (default: ${DEFAULT-VALUE}).")
	String mix;

	@Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
			description = "Run it N times, each on a fresh stack; figures get a median and 95%% CI (default: ${DEFAULT-VALUE}).")
	int repeat;

	@Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the results (default: <home>/results).")
	Path out;

	@Option(names = "--name", paramLabel = "NAME", description = "Name of the run (default: <variant>-<scenario>).")
	String name;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		StackSpec stackSpec = this.stack.stackSpec();
		LoadSpec spec = loadSpec(stackSpec);
		if (spec.drill() != null && spec.drill().events().stream().anyMatch(event -> event.action() == DrillEvent.Action.PARTITION)
				&& !"docker".equals(this.stack.runtime())) {
			throw new IllegalArgumentException("a partition cuts one instance off Redis's network: it needs --runtime docker");
		}
		Path dir = new LoadRun(out, this.stack.folder.home(), this.stack.runtime()).run(spec);
		out.printf("Done: %s%n", dir);
		return 0;
	}

	LoadSpec loadSpec(StackSpec stackSpec) {
		Drill timeline = this.drill != null ? Drill.parse(this.drill)
				: Drill.PRESETS.contains(this.scenario) ? Drill.preset(this.scenario, stackSpec.instances(), 1.0) : null;
		Scenario load = timeline != null ? Scenario.STEADY : Scenario.parse(this.scenario);
		if (timeline != null && this.load.users != null) {
			throw new IllegalArgumentException("a drill runs under an open-model load: use --rate, not --users");
		}
		if (load.open() && this.load.users != null) {
			throw new IllegalArgumentException(load.id() + " is an open-model scenario: use --rate, not --users");
		}
		if (!load.open() && this.load.rate != null) {
			throw new IllegalArgumentException("throughput is a closed-model scenario: use --users, not --rate");
		}
		List<Integer> ladder = this.load.users != null ? this.load.users
				: this.load.rate != null ? this.load.rate : load.defaultLadder();
		Duration measured = this.duration != null ? this.duration
				: timeline != null ? timeline.duration() : Duration.ofSeconds(30);
		String runName = this.name != null ? this.name
				: this.stack.variant.id() + "-" + (timeline != null ? timeline.name() : load.id());
		return new LoadSpec(stackSpec, load, ladder, measured, this.population, this.warmupWindow, this.warmupMax,
				this.mix, this.repeat, this.out != null ? this.out : this.stack.folder.home().resolve("results"), runName,
				timeline);
	}
}
