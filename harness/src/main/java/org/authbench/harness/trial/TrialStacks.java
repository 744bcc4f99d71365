package org.authbench.harness.trial;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackRuntime;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.verify.Verify;

/**
 * Every configuration of a trial as its own stack, all up at once: the k-th (from 0) gets nginx
 * on port + 10·k, its instances from app port + 10·k, Redis on Redis port + k and the run folder
 * {@code <run dir>/<configuration>}. They start in parallel and each is verified before any
 * load (no load on a stack that breaks the API contract). When one fails, the others are stopped.
 */
public final class TrialStacks implements AutoCloseable {

	private final Map<Setup, StackState> states = new LinkedHashMap<>();

	private final StackRuntime stack;

	private final PrintWriter out;

	private TrialStacks(PrintWriter out, String runtime) {
		this.out = out;
		this.stack = StackRuntime.of(runtime, new PrintWriter(PrintWriter.nullWriter()));
	}

	/** The k-th configuration's stack: its own ports and run folder. */
	public static StackSpec placed(StackSpec spec, Setup setup, int k) {
		if (spec.instances() > 10) {
			throw new IllegalArgumentException("side by side, a stack has at most 10 instances");
		}
		return spec.relocated(spec.port() + 10 * k, spec.appPorts().get(0) + 10 * k, spec.redisPort() + k,
				spec.runDir().resolve(setup.id()));
	}

	/**
	 * Every setup's stack for a trial, each placed ({@link #placed}) by its position in the list,
	 * as a trial runs them ({@link StackSpec#forTrial}: nginx with one worker and without its access
	 * log; {@link #release} turns the log on again).
	 */
	public static Map<Setup, StackSpec> placeAll(List<Setup> setups, java.util.function.Function<Setup, StackSpec> stacks) {
		Map<Setup, StackSpec> placed = new LinkedHashMap<>();
		for (int k = 0; k < setups.size(); k++) {
			placed.put(setups.get(k), placed(stacks.apply(setups.get(k)), setups.get(k), k).forTrial());
		}
		return placed;
	}

	/** Starts and verifies every stack as native processes; {@code specs} are already placed. */
	public static TrialStacks start(Map<Setup, StackSpec> specs, PrintWriter out) {
		return start(specs, out, "native");
	}

	/**
	 * Starts and verifies every stack on a runtime ({@code native} or {@code docker}, as
	 * {@code --runtime} takes it); {@code specs} are already placed.
	 */
	public static TrialStacks start(Map<Setup, StackSpec> specs, PrintWriter out, String runtime) {
		TrialStacks stacks = new TrialStacks(out, runtime);
		long started = System.currentTimeMillis();
		out.printf("starting %d stacks side by side%s: %s%n", specs.size(),
				"native".equals(runtime) ? "" : " (" + runtime + " runtime)", String.join(", ",
				specs.keySet().stream().map(Setup::id).toList()));
		out.flush();
		Map<Setup, CompletableFuture<StackState>> starting = new LinkedHashMap<>();
		specs.forEach((setup, spec) -> starting.put(setup, CompletableFuture.supplyAsync(() -> stacks.stack.up(spec))));
		List<String> failures = new ArrayList<>();
		starting.forEach((setup, future) -> {
			try {
				StackState state = future.join();
				stacks.states.put(setup, state);
				out.printf("  %s: up on %s (%d instance(s))%n", setup.id(), state.url(), state.apps().size());
			}
			catch (CompletionException ex) {
				failures.add(setup.id() + ": " + (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()));
			}
		});
		if (failures.isEmpty()) {
			stacks.states.forEach((setup, state) -> {
				Verify.Result result = Verify.run(state.url(), Verify.Target.of(state));
				if (!result.passed()) {
					result.print(out);
					failures.add(setup.id() + ": verify failed (" + result.failures() + " checks)");
				}
			});
		}
		if (!failures.isEmpty()) {
			stacks.close();
			throw new StackException("the trial's stacks did not all start: " + String.join("; ", failures));
		}
		out.printf("all %d stacks up and verified in %d s%n", specs.size(), (System.currentTimeMillis() - started) / 1000);
		out.flush();
		return stacks;
	}

	public Map<Setup, StackState> states() {
		return this.states;
	}

	/**
	 * Hands one stack over to a caller who stops it; {@link #close} leaves it alone. Its nginx
	 * logs again (the trial measured without the access log; drills count requests from it).
	 */
	public StackState release(Setup setup) {
		StackState state = this.states.remove(setup);
		if (state != null) {
			this.stack.accessLog(state, true);
		}
		return state;
	}

	/** The trial's targets, named after the configurations. */
	public List<TrialTarget> targets() {
		List<TrialTarget> targets = new ArrayList<>();
		this.states.forEach((setup, state) -> targets.add(TrialTarget.of(setup.id(), state)));
		return targets;
	}

	/** Stops every stack not released. */
	@Override
	public void close() {
		List<String> problems = new ArrayList<>();
		this.states.forEach((setup, state) -> {
			try {
				this.stack.down(StackState.load(Path.of(state.runDir())).orElse(state));
			}
			catch (RuntimeException ex) {
				problems.add(setup.id() + ": " + ex.getMessage());
			}
		});
		this.states.clear();
		if (!problems.isEmpty()) {
			this.out.println("warning: stopping the trial's stacks: " + String.join("; ", problems));
			this.out.flush();
		}
	}
}
