package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.authbench.harness.env.Environment;
import org.authbench.harness.load.LoadRun;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.trial.InterleavedTrial;
import org.authbench.harness.trial.ModelCheck;
import org.authbench.harness.trial.TrialSettings;
import org.authbench.harness.trial.TrialStacks;
import org.authbench.harness.trial.TrialTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code authbench trial}: an interleaved trial of configurations side by side, and nothing else. */
@Command(name = "trial", mixinStandardHelpOptions = true, defaultValueProvider = OptionDefaults.class,
		description = { "Starts every configuration's stack at once, warms them together until each is steady, then "
				+ "measures them in randomized interleaved rounds with wrk: capacity (closed load) and CPU per request "
				+ "at a fixed rate. Every ratio is paired within a round; the median over rounds and its 95%% interval "
				+ "are printed and written to results/<timestamp>-<name>/trial.json. See docs/method.md.",
				"Stack k (from 0) gets nginx on --port + 10k, apps from --app-port + 10k, Redis on --redis-port + k." })
final class Trial implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Mixin
	StackOptions stack;

	@Mixin
	TrialOptions trialOptions;

	@Option(names = "--variants", split = ",", paramLabel = "V", completionCandidates = Configurations.class,
			description = "Configurations, the reference first (default: ${DEFAULT-VALUE}); one of: ${COMPLETION-CANDIDATES}.")
	List<Setup> variants;

	@Option(names = "--external", paramLabel = "NAME=URL",
			description = "A server authbench did not start, measured side by side (e.g. reference=http://127.0.0.1:18090); "
					+ "it serves GET /api/items without credential, so use it with --mix items=100.")
	List<String> external = new ArrayList<>();

	@Option(names = "--external-pid", paramLabel = "NAME=PID",
			description = "A process of an external server whose CPU counts (repeatable; without it, no CPU figure).")
	List<String> externalPids = new ArrayList<>();

	@Option(names = "--reference", paramLabel = "NAME", description = "What every ratio is to (default: the first variant).")
	String reference;

	@Option(names = "--mix", paramLabel = "MIX",
			description = "Request kinds in percent, in tens (default: ${DEFAULT-VALUE}).")
	String mix;

	@Option(names = "--rate", paramLabel = "R", description = "Requests/s of the paced windows (default: 800, or half the lowest warm capacity when"
			+ " that is less).")
	Integer rate;

	@Option(names = "--no-pin", description = "Let the generator share the CPUs with the systems.")
	boolean noPin;

	@Option(names = "--validate-model",
			description = "After the rounds, check the capacity model (docs/report.md): each design's Redis commands replayed "
					+ "at saturation on a fresh Redis, and its app under a CPU quota of 0.5 and 0.25 core (needs root for the "
					+ "cgroup); writes model-check.json.")
	boolean validateModel;

	@Option(names = "--quick", description = "2 s measured and warm-up windows, 6 rounds (as in the demo) instead of 5 s and 10.")
	boolean quick;

	@Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the results (default: <home>/results).")
	Path out;

	@Option(names = "--name", defaultValue = "trial", paramLabel = "NAME", description = "Name (default: ${DEFAULT-VALUE}).")
	String name;

	@Override
	public Integer call() {
		if (this.stack.lb != null) {
			throw new IllegalArgumentException("trial runs each configuration in its own nginx mode; --lb does not apply");
		}
		Map<String, Integer> requestMix = TrialSettings.parseMix(this.mix);
		TrialSettings settings = this.trialOptions.tuning()
			.applyTo(this.quick ? TrialSettings.quick(requestMix) : TrialSettings.full(requestMix))
			.withRateAndPinning(this.rate, !this.noPin);
		List<TrialTarget> externals = externals();
		PrintWriter printer = this.spec.commandLine().getOut();
		Map<Setup, StackSpec> specs = TrialStacks.placeAll(this.variants,
				setup -> setup.apply(this.stack.stackSpec(this.folder, setup.variant())));
		Path dir = LoadRun.resultsFolder(this.out != null ? this.out : this.folder.home().resolve("results"), this.name);
		try (TrialStacks stacks = TrialStacks.start(specs, printer, this.stack.runtime)) {
			List<TrialTarget> targets = new ArrayList<>(stacks.targets());
			targets.addAll(externals);
			new InterleavedTrial(printer).run(targets, this.reference != null ? this.reference : this.variants.get(0).id(),
					InterleavedTrial.PairSpec.observability(this.variants), settings, dir);
			if (this.validateModel) {
				ModelCheck.run(stacks.targets(), settings, dir, printer);
			}
			Environment.writeTrial(dir, this.folder.home(), specs, settings, this.stack.runtime);
		}
		printer.printf("Results: %s%n", dir.resolve("trial.json"));
		return 0;
	}

	private List<TrialTarget> externals() {
		Map<String, Map<String, Long>> pids = new LinkedHashMap<>();
		for (String pair : this.externalPids) {
			String[] parts = pair.split("=", 2);
			if (parts.length != 2 || !parts[1].trim().matches("\\d+")) {
				throw new IllegalArgumentException("--external-pid needs NAME=PID, got '" + pair + "'");
			}
			Map<String, Long> mine = pids.computeIfAbsent(parts[0].trim(), n -> new LinkedHashMap<>());
			mine.put("process-" + (mine.size() + 1), Long.valueOf(parts[1].trim()));
		}
		List<TrialTarget> targets = new ArrayList<>();
		for (String pair : this.external) {
			String[] parts = pair.split("=", 2);
			if (parts.length != 2 || !parts[1].startsWith("http://")) {
				throw new IllegalArgumentException("--external needs NAME=http://HOST:PORT, got '" + pair + "'");
			}
			targets.add(TrialTarget.external(parts[0].trim(), parts[1].trim(), pids.getOrDefault(parts[0].trim(), Map.of())));
		}
		return targets;
	}
}
