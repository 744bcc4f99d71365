package org.authbench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.authbench.harness.stack.Catalogue;
import org.authbench.harness.stack.Setup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A variant and a configuration are data (stack/catalogue.yaml, docs/variants.md): no class of the
 * harness decides by one's name. Its main sources may not name a constant of {@code Variant} or
 * {@code Setup} (there are none to name: this keeps them from coming back), nor hold a string
 * literal that is a variant's or a configuration's id, an app module or a named set of the
 * catalogue. Comments and help text that merely mention one are free.
 */
class VariantNamesTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	private static final Path MAIN = HOME.resolve("harness/src/main/java");

	/** A constant of Variant or Setup ({@code Variant.STICKY}, {@code Setup.JWT_HA}); {@code Variant.Credential} is a kind. */
	private static final Pattern CONSTANT = Pattern.compile("\\b(Variant|Setup)\\.(?!Credential\\b)([A-Z][A-Z0-9_]+)\\b");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	/**
	 * Literals that are a name by coincidence, per file: nginx's sticky mode is called like the
	 * variant it serves (the catalogue names it as the sticky variant's mode).
	 */
	private static final Map<String, Set<String>> COINCIDENCES = Map.of("org/authbench/harness/stack/LbMode.java",
			Set.of("sticky"));

	@Test
	void noHarnessClassNamesAVariantOrAConfiguration() throws IOException {
		Set<String> names = names(Catalogue.current());
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String relative = MAIN.relativize(file).toString().replace('\\', '/');
				found.addAll(namesIn(relative, Files.readString(file), names));
			}
		}

		assertThat(found).as("harness classes that name a variant or configuration: decide by a property of "
				+ "Variant/Setup (stack/catalogue.yaml) instead, see docs/variants.md").isEmpty();
	}

	@Test
	void theScanFindsWhatItLooksFor() {
		Set<String> names = names(Catalogue.current());
		String source = """
				class Decides {
					// a comment may say "sticky" and Variant.JWT
					boolean a(Variant v) { return v == Variant.STICKY || Setup.JWT_HA.equals(null); }
					String b(String s) { return switch (s) { case "jwt-ha" -> "x"; default -> "load balancer"; }; }
					Variant.Credential c() { return Variant.Credential.NONE; }
					String d() { return "sticky | round-robin (help text)"; }
					String e() { return "JWT-App"; }
				}
				""";

		assertThat(namesIn("Decides.java", source, names)).containsExactly("Decides.java:3: Variant.STICKY",
				"Decides.java:3: Setup.JWT_HA", "Decides.java:4: \"jwt-ha\"", "Decides.java:7: \"JWT-App\"");
		assertThat(namesIn("org/authbench/harness/stack/LbMode.java", "STICKY(\"sticky\"),", names)).isEmpty();
	}

	/**
	 * Every name the catalogue gives: variants, configurations, app modules, the demo's set; not the
	 * sets named after a command ({@code compare}, {@code trial}), which are words of their own.
	 */
	private static Set<String> names(Catalogue catalogue) {
		Set<String> names = new HashSet<>(catalogue.sets().keySet());
		catalogue.variants().forEach(v -> names.addAll(List.of(v.id(), v.module())));
		catalogue.setups().stream().map(Setup::id).forEach(names::add);
		names.removeAll(Set.of("compare", "trial"));
		return names;
	}

	private static List<String> namesIn(String file, String source, Set<String> names) {
		List<String> found = new ArrayList<>();
		String[] lines = withoutComments(source).split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher constant = CONSTANT.matcher(lines[i]);
			while (constant.find()) {
				found.add(file + ":" + (i + 1) + ": " + constant.group());
			}
			Matcher literal = LITERAL.matcher(lines[i]);
			while (literal.find()) {
				String value = literal.group(1).toLowerCase(Locale.ROOT);
				if (names.contains(value) && !COINCIDENCES.getOrDefault(file, Set.of()).contains(value)) {
					found.add(file + ":" + (i + 1) + ": " + literal.group());
				}
			}
		}
		return found;
	}

	/** The source with its comments blanked out, line breaks kept (string literals left alone). */
	static String withoutComments(String source) {
		StringBuilder out = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '"') {
				int end = i + 1;
				while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
					end += source.charAt(end) == '\\' ? 2 : 1;
				}
				end = Math.min(end + 1, source.length());
				out.append(source, i, end);
				i = end;
			}
			else if (source.startsWith("//", i)) {
				while (i < source.length() && source.charAt(i) != '\n') {
					i++;
				}
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = end < 0 ? source.length() : end + 2;
				source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}
}
