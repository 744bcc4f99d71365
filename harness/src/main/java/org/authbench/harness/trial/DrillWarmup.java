package org.authbench.harness.trial;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warms fresh stacks before their drills, in turns with wrk: closed load with few connections on
 * every CPU, a short window each, until a stack has served {@link #HEADROOM} times the drill's
 * rate in two windows in a row (at most {@link #MAX_WINDOWS} windows each). A drill's own
 * warm-up (paced load at the drill's rate, until a window serves what was offered) then ends
 * at once. Paced at the demo's 300 requests/s a cold clustered stack needed 10 windows (20 s) in
 * a demo of 2026-12-04: the JIT compiles a method after some thousands of calls, and closed load
 * makes them three to five times as fast. Nothing here is measured; it only shortens the wait.
 */
public final class DrillWarmup {

	/** A warm stack serves this many times the drill's rate under the warm-up's closed load. */
	static final int HEADROOM = 3;

	/** Windows per stack at most; a stack still short of the floor then warms under its drill's own warm-up. */
	static final int MAX_WINDOWS = 12;

	static final Duration WINDOW = Duration.ofSeconds(2);

	static final int CONNECTIONS = 4;

	private DrillWarmup() {
	}

	/**
	 * Warms every target in turns.
	 * @param ratePerSecond the drills' rate
	 * @param dir where wrk's scripts and output go
	 * @return each target → whether it reached the floor
	 */
	public static Map<String, Boolean> run(List<TrialTarget> targets, int ratePerSecond, PrintWriter out, Path dir) {
		int floor = HEADROOM * ratePerSecond;
		WrkLoad wrk = new WrkLoad();
		Map<String, Workload> workloads = new LinkedHashMap<>();
		Map<String, List<Double>> seen = new LinkedHashMap<>();
		targets.forEach(t -> {
			workloads.put(t.name(), new Workload(t, TrialSettings.defaultMix(), TrialSettings.quick(TrialSettings.defaultMix()).users()));
			seen.put(t.name(), new ArrayList<>());
		});
		long started = System.currentTimeMillis();
		out.printf("warming %s for the drills in turns (wrk, %d connections, %d s windows) until each serves %,d req/s%n",
				targets.stream().map(TrialTarget::name).collect(Collectors.joining(", ")), CONNECTIONS, WINDOW.toSeconds(),
				floor);
		out.flush();
		// The compilers first, as in a trial's warm-up (JitPriority); the drills run at the default priority.
		JitPriority.raise(targets);
		try {
			inTurns(targets, floor, wrk, workloads, seen, dir);
		}
		finally {
			JitPriority.restore(targets);
		}
		Map<String, Boolean> reached = new LinkedHashMap<>();
		seen.forEach((name, windows) -> {
			reached.put(name, warm(windows, floor));
			out.printf("  %s: %,.0f req/s after %d windows%s%n", name, windows.isEmpty() ? 0.0 : windows.get(windows.size() - 1),
					windows.size(), warm(windows, floor) ? "" : " (short of the floor: its drill's own warm-up goes on)");
		});
		out.printf("warmed in %d s%n", (System.currentTimeMillis() - started) / 1000);
		out.flush();
		return reached;
	}

	private static void inTurns(List<TrialTarget> targets, int floor, WrkLoad wrk, Map<String, Workload> workloads,
			Map<String, List<Double>> seen, Path dir) {
		while (true) {
			List<TrialTarget> active = targets.stream()
				.filter(t -> !warm(seen.get(t.name()), floor) && seen.get(t.name()).size() < MAX_WINDOWS)
				.toList();
			if (active.isEmpty()) {
				break;
			}
			for (TrialTarget target : active) {
				WrkLoad.Result result = wrk.run(target.baseUrl(), workloads.get(target.name()).cycle(), 2, CONNECTIONS, WINDOW,
						null, null, dir.resolve(target.name()));
				seen.get(target.name()).add(result.throughput());
			}
		}
	}

	/** Whether the last two windows served at least the floor. */
	static boolean warm(List<Double> throughputs, int floor) {
		int n = throughputs.size();
		return n >= 2 && throughputs.get(n - 1) >= floor && throughputs.get(n - 2) >= floor;
	}
}
