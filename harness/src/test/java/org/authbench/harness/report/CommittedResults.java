package org.authbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The comparisons committed under {@code results/} of the project folder ({@code authbench.home},
 * which the pom sets), read by the report's tests as real input.
 */
final class CommittedResults {

	static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	private CommittedResults() {
	}

	/** A committed comparison's folder, {@code results/<name>}. */
	static Path dir(String name) {
		return HOME.resolve("results").resolve(name);
	}

	/** A committed comparison's summary.json. */
	static Comparison read(String name) throws IOException {
		return ReportJson.JSON.readValue(Files.readString(dir(name).resolve("summary.json")), Comparison.class);
	}

	/** The newest committed demo's folder. */
	static Path newestDemo() throws IOException {
		return comparisons().filter(d -> d.getFileName().toString().endsWith("-demo"))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("no committed demo under " + HOME.resolve("results")));
	}

	/** Every committed comparison's folder (a summary.json of the comparison schema), oldest first. */
	static Stream<Path> comparisons() throws IOException {
		try (Stream<Path> dirs = Files.list(HOME.resolve("results"))) {
			return dirs.filter(d -> Files.isRegularFile(d.resolve("summary.json")))
				.filter(d -> Comparison.SCHEMA.equals(ReportJson.JSON.readTree(d.resolve("summary.json").toFile())
					.path("schema")
					.asString()))
				.sorted()
				.toList()
				.stream();
		}
	}
}
