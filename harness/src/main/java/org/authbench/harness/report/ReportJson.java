package org.authbench.harness.report;

import java.nio.file.Path;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON files of a comparison: written pretty, read back by {@code report}. */
final class ReportJson {

	/** Reads older files too: a field they lack (a row's {@code cold}) takes its default. */
	static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private ReportJson() {
	}

	static void write(Path file, Object value) {
		JSON.writeValue(file.toFile(), value);
	}

	static Comparison read(Path file) {
		return JSON.readValue(file.toFile(), Comparison.class);
	}
}
