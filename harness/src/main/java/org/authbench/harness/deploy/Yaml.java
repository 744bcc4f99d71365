package org.authbench.harness.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes maps, lists, strings, numbers and booleans as block-style YAML with Jackson's YAML
 * module, multi-line strings as literal blocks (so a config file in a ConfigMap reads like the
 * file), and quotes only where YAML needs them. The tests read everything it writes back with
 * SnakeYAML.
 */
final class Yaml {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.disable(YAMLWriteFeature.SPLIT_LINES)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
		.enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
		.build();

	private Yaml() {
	}

	/** A map that keeps the order of its entries: {@code map("a", 1, "b", 2)}. */
	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/** One document: {@code node} is its top-level map. */
	static String write(Map<String, ?> node) {
		return YAML.writeValueAsString(node);
	}
}
