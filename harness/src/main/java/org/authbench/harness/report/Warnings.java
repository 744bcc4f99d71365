package org.authbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison's warnings grouped by the run they came from, each with what it means for
 * the figures it touches: most warnings of a drill concern only that run's own CPU or Redis
 * counters, which no table shows, and the reader should not have to work that out.
 */
final class Warnings {

	/** @param link the run's file, relative to the comparison's folder; null for the comparison itself */
	record Group(String run, String link, List<Item> items) {
	}

	record Item(String warning, String means) {
	}

	private Warnings() {
	}

	static List<Group> byRun(Comparison comparison) {
		Map<String, Group> groups = new LinkedHashMap<>();
		for (String warning : comparison.warnings()) {
			Comparison.RunRef run = comparison.runs()
				.stream()
				.filter(r -> warning.startsWith(label(r) + ": "))
				.findFirst()
				.orElse(null);
			String name;
			String text = warning;
			String scenario;
			if (run != null) {
				name = label(run);
				text = warning.substring(name.length() + 2);
				scenario = run.scenario();
			}
			else if (warning.startsWith(Comparison.RunRef.TRIAL + ": ")) {
				name = Comparison.RunRef.TRIAL;
				text = warning.substring(name.length() + 2);
				scenario = Comparison.RunRef.TRIAL;
			}
			else {
				name = "comparison";
				scenario = "";
			}
			String link = run == null ? null : run.dir() + "/" + file(run.scenario());
			if (run == null && Comparison.RunRef.TRIAL.equals(name)) {
				link = Findings.run(comparison, Comparison.RunRef.TRIAL, Comparison.RunRef.TRIAL)
					.map(r -> r.dir() + "/trial.json")
					.orElse(null);
			}
			String finalLink = link;
			groups.computeIfAbsent(name, n -> new Group(n, finalLink, new ArrayList<>()))
				.items()
				.add(new Item(text, means(scenario, text)));
		}
		return List.copyOf(groups.values());
	}

	/** Whether a run was warned about a warm-up that did not converge. */
	static boolean cold(Comparison comparison, String variant, String scenario) {
		String prefix = variant + " " + scenario + ": ";
		return comparison.warnings().stream().anyMatch(w -> w.startsWith(prefix) && w.contains("warm-up did not converge"));
	}

	private static String label(Comparison.RunRef run) {
		return Comparison.RunRef.TRIAL.equals(run.scenario()) ? Comparison.RunRef.TRIAL : run.variant() + " " + run.scenario();
	}

	private static String file(String scenario) {
		return switch (scenario) {
			case Comparison.RunRef.TRIAL -> "trial.json";
			case Comparison.RunRef.REVOCATION -> "revocation.json";
			default -> "summary.json";
		};
	}

	/** What a warning means for the figures of the report, by what it says and where it came from. */
	static String means(String scenario, String warning) {
		boolean drill = !scenario.isEmpty() && !Comparison.RunRef.THROUGHPUT.equals(scenario)
				&& !Comparison.RunRef.TRIAL.equals(scenario) && !scenario.startsWith(Comparison.RunRef.CONTEXT_SIZE);
		if (warning.contains(Comparison.FAILED.strip()) || warning.contains("not measured further")) {
			return "Nothing more was measured for this configuration: its cells say \"not run\".";
		}
		if (warning.contains("INVALID")) {
			return "The run is invalid: its figures are shown, but no finding compares them.";
		}
		if (warning.contains("warm-up did not converge") || warning.contains("still warming up")) {
			return drill ? "The drill began before throughput had settled: latency in its time line may read high; "
					+ "users logged out, failed requests and recovery do not depend on it."
					: "Capacity and CPU per request of this configuration are COLD: the comparison is not valid and "
							+ "no finding compares them.";
		}
		if (warning.contains("Redis restarted") || warning.contains("counters started again")) {
			return "This run's Redis commands and bytes per request are not measured (the drill restarts Redis on "
					+ "purpose); the architect's table takes them from the capacity measurement.";
		}
		if (warning.contains("during the measurement window")) {
			return drill ? "Only this run's own CPU per request is touched, which no table shows (the drill stops a "
					+ "process on purpose); users logged out, failed requests and recovery are not affected."
					: "CPU per request of this run misses part of a process's CPU: it reads low.";
		}
		if (warning.contains("past its planned")) {
			return "The drill's window waited for its events (an instance still starting again) so that a recovery "
					+ "could show; every figure of the run covers the longer window, and nothing is missing.";
		}
		if (warning.contains("apart (more than 1%)")) {
			return "The load generator's count and nginx's log disagree: this run's counts are less certain than usual.";
		}
		if (warning.contains("requests failed")) {
			return "Errors under load: capacity counts successful requests only; the configuration may have been "
					+ "overloaded or broken.";
		}
		if (warning.contains("rounds: a 95% interval needs")) {
			return "Too few rounds for a 95% interval: the ratios have none, and no finding calls them certain.";
		}
		if (warning.contains("no request completed")) {
			return "Nothing was measured in this run.";
		}
		return "authbench does not know which figures this touches: see the run's folder.";
	}
}
