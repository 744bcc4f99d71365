package org.authbench.harness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.load.Summary;
import tools.jackson.databind.JsonNode;

/** Writes a {@link Comparison}'s files into its results folder, and reads what a results folder holds back into one. */
public final class Reports {

	private Reports() {
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

	/**
	 * A comparison made again from its runs' own results (each run's summary.json,
	 * revocation.json, timeline.json) by the current code, keeping its name, settings, creation
	 * time and the variants that failed; for a results folder written by an older authbench.
	 */
	public static Comparison rebuilt(Path dir) {
		Comparison old = comparisonOf(dir);
		List<String> failures = old.warnings().stream().filter(w -> w.contains(Comparison.FAILED)).toList();
		return ComparisonBuilder.build(dir, old.name(), old.createdAt(), old.settings(), old.runs(), failures);
	}

	/**
	 * The comparison of a results folder: a comparison's own summary.json, or a single run's,
	 * seen as a comparison of one run.
	 */
	public static Comparison comparisonOf(Path dir) {
		JsonNode summary = ComparisonBuilder.JSON.readTree(dir.resolve("summary.json").toFile());
		if (Comparison.SCHEMA.equals(summary.path("schema").asString())) {
			return ReportJson.read(dir.resolve("summary.json"));
		}
		if (!Summary.SCHEMA.equals(summary.path("schema").asString())) {
			throw new IllegalArgumentException(dir.resolve("summary.json") + " is not an authbench result (schema "
					+ summary.path("schema").asString("none") + ")");
		}
		Map<String, Object> settings = ComparisonBuilder.JSON.convertValue(summary.get("settings"), Map.class);
		String scenario = summary.path("settings").has("drill")
				? summary.path("settings").path("drill").path("name").asString()
				: summary.path("settings").path("scenario").asString();
		Comparison.RunRef run = new Comparison.RunRef(summary.path("settings").path("variant").asString(), scenario, ".",
				summary.path("valid").asBoolean());
		return ComparisonBuilder.build(dir, summary.path("name").asString(), settings, List.of(run), List.of());
	}
}
