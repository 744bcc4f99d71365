package org.authbench.harness.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.authbench.harness.drill.Drill;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.report.Comparison;

/**
 * One thing a comparison measures on each setup, as {@code compare --scenarios} names it: a load
 * run ({@code throughput}, {@code latency}, {@code steady}), a drill preset ({@link Drill#PRESETS}),
 * the {@code revocation} probe, or the {@code context-size} ladder.
 *
 * <p>Not a {@link Scenario}: that is the shape of one Gatling load (a closed concurrency ladder, an
 * open rate ladder, one steady rate), which a study picks for its runs ({@link #load()}): a drill
 * runs under {@link Scenario#STEADY}, the context-size ladder under {@link Scenario#THROUGHPUT}.
 * A study's runs are recorded under its {@link #id()} ({@link Comparison.RunRef}), a context-size
 * run under its size's name.
 */
public final class Study {

	/** How a study is run. */
	public enum Kind {

		/** A measured load run of the {@link Scenario} of the same name. */
		LOAD,
		/** A drill preset under steady load. */
		DRILL,
		/** Logouts, the old credential replayed on every instance; no load. */
		REVOCATION,
		/** The throughput ladder once per auth-context size, each on a stack of its own. */
		CONTEXT_SIZE
	}

	/** The capacity study: with it, a comparison measures capacity and cost as an interleaved trial. */
	public static final Study THROUGHPUT = new Study(Comparison.RunRef.THROUGHPUT, Kind.LOAD);

	/** Logs out and replays the old credential on every instance (no load). */
	public static final Study REVOCATION = new Study(Comparison.RunRef.REVOCATION, Kind.REVOCATION);

	/** Runs the throughput ladder once per auth-context size. */
	public static final Study CONTEXT_SIZE = new Study(Comparison.RunRef.CONTEXT_SIZE, Kind.CONTEXT_SIZE);

	/** Auth-context sizes of the {@code context-size} study unless told otherwise (docs/design.md §5). */
	public static final List<Integer> DEFAULT_CONTEXT_SIZES = List.of(0, 1024, 4096);

	/** The largest padding whose token (about 4/3 of it plus 600 bytes) still fits nginx's 16 KB header buffer. */
	public static final int MAX_CONTEXT_BYTES = 8192;

	private final String id;

	private final Kind kind;

	private Study(String id, Kind kind) {
		this.id = id;
		this.kind = kind;
	}

	/** Every study: the load scenarios, the revocation probe, the context-size ladder, the drill presets. */
	public static List<Study> all() {
		List<Study> all = new ArrayList<>();
		Arrays.stream(Scenario.values())
			.map(scenario -> scenario == Scenario.THROUGHPUT ? THROUGHPUT : new Study(scenario.id(), Kind.LOAD))
			.forEach(all::add);
		all.add(REVOCATION);
		all.add(CONTEXT_SIZE);
		Drill.PRESETS.forEach(preset -> all.add(new Study(preset, Kind.DRILL)));
		return List.copyOf(all);
	}

	/** The names {@link #parse} takes. */
	public static List<String> ids() {
		return all().stream().map(Study::id).toList();
	}

	/** The study of this name (any case); an unknown name fails with the list of the known ones. */
	public static Study parse(String id) {
		return all().stream()
			.filter(study -> study.id.equals(id.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"no scenario '" + id + "'; scenarios: " + String.join(", ", ids())));
	}

	/** Its name on the command line, in summary.json's settings, and the scenario its runs are recorded under. */
	public String id() {
		return this.id;
	}

	public Kind kind() {
		return this.kind;
	}

	public boolean isDrill() {
		return this.kind == Kind.DRILL;
	}

	/** A drill that needs Redis ({@link Drill#needsRedis}, read off the preset's events): skipped for the variants without. */
	public boolean needsRedis() {
		return isDrill() && Drill.preset(this.id, 1, 1).needsRedis();
	}

	/** A drill that leaves an app instance a cold JVM ({@link Drill#restartsAnApp}). */
	public boolean restartsAnApp() {
		return isDrill() && Drill.preset(this.id, 2, 1).restartsAnApp();
	}

	/** A drill whose stack must start with the Redis latency proxy between the apps and Redis. */
	public boolean injectsRedisLatency() {
		return isDrill() && Drill.preset(this.id, 1, 1).injectsRedisLatency();
	}

	/** The load its runs put on the stack; the revocation probe puts none. */
	public Scenario load() {
		return switch (this.kind) {
			case LOAD -> Scenario.parse(this.id);
			case DRILL -> Scenario.STEADY;
			case CONTEXT_SIZE -> Scenario.THROUGHPUT;
			case REVOCATION -> throw new IllegalStateException("the revocation probe runs no load");
		};
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Study study && this.id.equals(study.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return this.id;
	}
}
