package org.authbench.harness.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes maps, lists, strings, numbers and booleans as block-style YAML, multi-line strings as
 * literal blocks (so a config file in a ConfigMap reads like the file). Enough for compose files
 * and Kubernetes manifests; the tests read everything it writes back with SnakeYAML.
 */
final class Yaml {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./:@=-]*");

	private static final Pattern RESERVED = Pattern.compile(
			"(?i)y|n|yes|no|true|false|on|off|null|~|[-+]?(\\.?[0-9].*|\\.inf|\\.nan)");

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
		StringBuilder out = new StringBuilder();
		map(out, node, 0);
		return out.toString();
	}

	private static void map(StringBuilder out, Map<?, ?> map, int indent) {
		map.forEach((key, value) -> {
			out.append(" ".repeat(indent)).append(scalar(key.toString())).append(':');
			value(out, value, indent);
		});
	}

	private static void list(StringBuilder out, List<?> list, int indent) {
		for (Object item : list) {
			if (item instanceof Map<?, ?> map && !map.isEmpty()) {
				StringBuilder entry = new StringBuilder();
				map(entry, map, indent + 2);
				out.append(" ".repeat(indent)).append("- ").append(entry, indent + 2, entry.length());
			}
			else {
				out.append(" ".repeat(indent)).append('-');
				value(out, item, indent);
			}
		}
	}

	/** After {@code key:} or {@code -}: a scalar on the same line, a collection or block below. */
	private static void value(StringBuilder out, Object value, int indent) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append(" {}\n");
				return;
			}
			out.append('\n');
			map(out, map, indent + 2);
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				out.append(" []\n");
				return;
			}
			out.append('\n');
			list(out, list, indent + 2);
		}
		else if (value instanceof String text && text.contains("\n")) {
			literal(out, text, indent + 2);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(' ').append(value).append('\n');
		}
		else {
			out.append(' ').append(scalar(String.valueOf(value))).append('\n');
		}
	}

	private static void literal(StringBuilder out, String text, int indent) {
		String chomp = !text.endsWith("\n") ? "-" : text.endsWith("\n\n") ? "+" : "";
		String indicator = text.startsWith(" ") ? String.valueOf(2) : "";
		out.append(" |").append(indicator).append(chomp).append('\n');
		String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
		for (String line : body.split("\n", -1)) {
			out.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append('\n');
		}
	}

	static String scalar(String text) {
		if (PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches()) {
			return text;
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\t' -> quoted.append("\\t");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}
}
