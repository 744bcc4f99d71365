package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.authbench.harness.compare.ComparisonRun;
import org.authbench.harness.compare.Study;
import org.authbench.harness.stack.Setup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code authbench compare}: the matrix of variants × scenarios, and its report. */
@Command(name = "compare", mixinStandardHelpOptions = true, defaultValueProvider = OptionDefaults.class,
		description = { "Runs every variant through the scenarios (one stack per variant, scenarios one after the "
				+ "other) and writes results/<timestamp>-<name>/ with report.html, report.md, summary.json, env.json.",
				"With throughput among the scenarios, every variant's stack starts at once and capacity and CPU per request are "
						+ "measured as an interleaved trial (see authbench trial --help, docs/method.md); the drills then "
						+ "run on those warm stacks one variant after the other.",
				"Redis drills are skipped for the variants without Redis. ./authbench demo is compare --quick." })
final class Compare implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Mixin
	StackOptions stack;

	@Mixin
	TrialOptions trialOptions;

	@Option(names = "--variants", split = ",", paramLabel = "V", completionCandidates = Configurations.class,
			description = { "Variants and configurations of them, the reference first for the ratios (default: "
					+ "${DEFAULT-VALUE}).", "One of: ${COMPLETION-CANDIDATES} (what each configures: docs/variants.md)." })
	List<Setup> variants;

	@Option(names = "--scenarios", split = ",", paramLabel = "S",
			description = "throughput, latency, steady, revocation, context-size and the drills failover, freeze, "
					+ "rolling-restart, redis-outage, redis-latency, redis-failover, redis-primary-freeze (default: throughput,failover,redis-outage).")
	List<String> scenarios = new ArrayList<>(List.of("throughput", "failover", "redis-outage"));

	@Option(names = "--context-sizes", split = ",", paramLabel = "BYTES",
			description = "Auth-context padding of the context-size scenario, one throughput run on a fresh stack each "
					+ "(default: 0,1024,4096; at most 8192).")
	List<Integer> contextSizes = new ArrayList<>(Study.DEFAULT_CONTEXT_SIZES);

	@Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
			description = "Measurements per scenario, for a median and 95%% CI (default: ${DEFAULT-VALUE}).")
	int repeat;

	@Option(names = "--trial-instances", paramLabel = "N",
			description = "Instances per stack in the throughput trial (default: --instances). With another count, the "
					+ "drills run on fresh stacks after the trial instead of on its warm ones.")
	Integer trialInstances;

	@Option(names = "--parallel-drills",
			description = "After the trial, run the configurations' drills at the same time, each on a fresh stack of its own"
					+ " (they count sessions lost and failed requests; their latencies are then not comparable).")
	boolean parallelDrills;

	@Option(names = "--quick", description = "Short warm-up, windows and drill timelines: the demo.")
	boolean quick;

	@Option(names = "--validate-model", description = "Check the capacity model against measurements after the trial"
			+ " (a Redis ceiling and an app CPU quota per design; a full comparison always does, --quick only with this).")
	boolean validateModel;

	@Option(names = "--rate", defaultValue = "300", paramLabel = "R",
			description = "Requests/s of the drills' steady load (default: ${DEFAULT-VALUE}).")
	int rate;

	@Option(names = "--out", paramLabel = "DIR", description = "Parent folder of the results (default: <home>/results).")
	Path out;

	@Option(names = "--name", defaultValue = "compare", paramLabel = "NAME", description = "Name (default: ${DEFAULT-VALUE}).")
	String name;

	@Override
	public Integer call() {
		List<Study> studies = this.scenarios.stream().map(Study::parse).toList();
		if (this.stack.lb != null) {
			throw new IllegalArgumentException("compare runs each variant in its own nginx mode; --lb does not apply");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		new ComparisonRun(out, this.folder.home(), this.stack.runtime).run(new ComparisonRun.Spec(this.variants, studies,
				variant -> this.stack.stackSpec(this.folder, variant), this.quick, this.repeat, this.rate,
				this.contextSizes, this.out != null ? this.out : this.folder.home().resolve("results"), this.name,
				this.trialInstances, this.parallelDrills, this.validateModel, this.trialOptions.tuning()));
		return 0;
	}
}
