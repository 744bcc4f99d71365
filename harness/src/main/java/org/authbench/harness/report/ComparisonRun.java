package org.authbench.harness.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.authbench.harness.drill.Drill;
import org.authbench.harness.load.LoadRun;
import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.load.Summary;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.Variant;

/**
 * Runs the comparison matrix: for each variant one stack, on which the scenarios run one after
 * the other (throughput first, then the drills, which leave the stack repaired: a killed
 * instance or Redis is started again by the drill itself). Each scenario gets its own results
 * folder under {@code runs/}; the comparison's {@code summary.json}, {@code report.md} and
 * {@code report.html} are written at the end.
 */
public final class ComparisonRun {

	/** Drills that need Redis, skipped for the variants that have none. */
	static final List<String> REDIS_SCENARIOS = List.of("redis-outage", "redis-latency");

	/**
	 * @param variants in the order run; the baseline first makes every ratio available
	 * @param scenarios {@code throughput}, {@code latency}, {@code steady}, or a drill preset
	 * @param stacks the stack to start for a variant
	 * @param quick short warm-up, windows and drill timelines (the demo)
	 * @param repeats measurements per scenario (on the same stack)
	 * @param rate the open-model rate of the drills, requests/s
	 * @param resultsDir where {@code <timestamp>-<name>} goes
	 */
	public record Spec(List<Variant> variants, List<String> scenarios, Function<Variant, StackSpec> stacks,
			boolean quick, int repeats, int rate, Path resultsDir, String name) {
	}

	private final PrintWriter out;

	private final Path repo;

	public ComparisonRun(PrintWriter out, Path repo) {
		this.out = out;
		this.repo = repo;
	}

	/** Runs the matrix and returns the comparison's folder. */
	public Path run(Spec spec) {
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path dir = spec.resultsDir().resolve(stamp + "-" + spec.name()).toAbsolutePath();
		LoadRun load = new LoadRun(this.out, this.repo);
		List<Comparison.RunRef> runs = new ArrayList<>();
		long started = System.currentTimeMillis();
		int total = spec.variants().size();
		int done = 0;
		for (Variant variant : spec.variants()) {
			List<String> scenarios = spec.scenarios()
				.stream()
				.filter(s -> variant.usesRedis() || !REDIS_SCENARIOS.contains(s))
				.toList();
			StackSpec stack = spec.stacks().apply(variant);
			String tag = "[%s %d/%d]".formatted(variant.id(), ++done, total);
			LoadRun.LiveStack live = load.start(stack, scenarios.contains("redis-latency"), tag);
			try {
				for (String scenario : scenarios) {
					LoadSpec loadSpec = loadSpec(spec, stack, scenario, dir.resolve("runs"));
					Path runDir = dir.resolve("runs").resolve(loadSpec.name());
					List<LoadRun.Repeat> repeats = new ArrayList<>();
					for (int r = 1; r <= spec.repeats(); r++) {
						Path repeatDir = spec.repeats() == 1 ? runDir : runDir.resolve("repeat-" + r);
						repeats.add(load.measure(live, loadSpec, tag + " " + scenario, repeatDir));
					}
					Summary summary = load.writeResults(runDir, loadSpec, repeats);
					runs.add(new Comparison.RunRef(variant.id(), scenario, dir.relativize(runDir).toString(),
							summary.valid()));
				}
			}
			finally {
				load.stop(live, dir.resolve("logs").resolve(variant.id()));
			}
			this.out.printf("%s done; %d s since the start%n", tag, (System.currentTimeMillis() - started) / 1000);
			this.out.flush();
		}
		Comparison comparison = ComparisonBuilder.build(dir, spec.name(), settings(spec), runs);
		write(dir, comparison);
		copyEnv(dir, runs);
		this.out.printf("%nComparison %s in %d s: %s%n  %s%n  %s%n", comparison.valid() ? "valid" : "INVALID",
				(System.currentTimeMillis() - started) / 1000, dir.resolve("report.html"), dir.resolve("report.md"),
				dir.resolve("summary.json"));
		this.out.flush();
		return dir;
	}

	/** Writes summary.json, report.md and report.html of a comparison. */
	public static void write(Path dir, Comparison comparison) {
		try {
			Files.createDirectories(dir);
			ReportJson.write(dir.resolve("summary.json"), comparison);
			Files.writeString(dir.resolve("report.md"), MarkdownReport.render(comparison));
			Files.writeString(dir.resolve("report.html"), HtmlReport.render(comparison));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static LoadSpec loadSpec(Spec spec, StackSpec stack, String scenario, Path runs) {
		Duration window = Duration.ofSeconds(spec.quick() ? 3 : 5);
		Duration warmupMax = Duration.ofSeconds(spec.quick() ? 10 : 60);
		String name = stack.variant().id() + "-" + scenario;
		String mix = "me=40,items=40,write=20";
		if (Drill.PRESETS.contains(scenario)) {
			Drill preset = Drill.preset(scenario, stack.instances(), spec.quick() ? 0.3 : 1.0);
			Drill drill = spec.quick() ? new Drill(preset.name(), preset.events(),
					preset.events().get(preset.events().size() - 1).at().plusSeconds(8)) : preset;
			return new LoadSpec(stack, Scenario.STEADY, List.of(spec.rate()), drill.duration(), 60, window, warmupMax, mix,
					1, runs, name, drill);
		}
		Scenario load = Scenario.parse(scenario);
		Duration measured = Duration.ofSeconds(spec.quick() ? 8 : 30);
		List<Integer> ladder = load == Scenario.THROUGHPUT ? List.of(8, 32)
				: load == Scenario.LATENCY ? List.of(spec.rate(), 2 * spec.rate()) : List.of(spec.rate());
		return new LoadSpec(stack, load, ladder, measured, 60, window, warmupMax, mix, 1, runs, name, null);
	}

	private static Map<String, Object> settings(Spec spec) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("variants", spec.variants().stream().map(Variant::id).toList());
		settings.put("scenarios", spec.scenarios());
		settings.put("instances", spec.stacks().apply(spec.variants().get(0)).instances());
		settings.put("repeats", spec.repeats());
		settings.put("quick", spec.quick());
		settings.put("drillRate", spec.rate());
		settings.put("redisScenariosSkippedFor", spec.variants().stream().filter(v -> !v.usesRedis()).map(Variant::id).toList());
		return settings;
	}

	private static void copyEnv(Path dir, List<Comparison.RunRef> runs) {
		if (runs.isEmpty()) {
			return;
		}
		try {
			Files.copy(dir.resolve(runs.get(0).dir()).resolve("env.json"), dir.resolve("env.json"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
