package org.authbench.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who clones the repository can follow every reference in it: no file cites a design,
 * security-case or pitfalls document that lives outside the repository, and every reference to
 * a page of docs/ (a path, a relative Markdown link and its #anchor, a "§n" or a security
 * "case n") names something that exists. The files are git's: the tracked ones and the new
 * ones not ignored. The README stays a manual (at most 250 lines).
 */
class DocsReferencesTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	private static final String SELF = "harness/src/test/java/org/authbench/harness/DocsReferencesTests.java";

	/** Documents kept outside the repository (the team's shared folder), by the names they go by. */
	private static final Pattern OUTSIDE = Pattern
		.compile("\\b(DESIGN|SECURITY-CASES|PITFALLS|CONVENTIONS)(\\.md)?\\b|\\.\\./shared/[\\w./-]*\\.md");

	private static final Pattern DOCS_PATH = Pattern.compile("docs/([\\w.-]+\\.md)");

	private static final Pattern SECTION = Pattern.compile("docs/([\\w.-]+\\.md) §(\\d+)");

	private static final Pattern CASES = Pattern
		.compile("docs/security\\.md cases? (\\d+)(?:\\s*(?:–|-|and|to)\\s*(\\d+))?");

	private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

	@Test
	void noFileReferencesADocumentOutsideTheRepository() throws IOException {
		List<String> found = new ArrayList<>();

		for (String file : files()) {
			text(file).ifPresent(text -> each(OUTSIDE, text, m -> found.add(file + ":" + line(text, m) + ": " + m.group())));
		}

		assertThat(found).as("references to documents outside the repository; cite docs/… instead").isEmpty();
	}

	@Test
	void everyReferenceToDocsNamesAPageSectionOrCaseThatExists() throws IOException {
		List<String> broken = new ArrayList<>();

		for (String file : files()) {
			String text = text(file).orElse(null);
			if (text == null) {
				continue;
			}
			each(DOCS_PATH, text, m -> {
				if (!Files.isRegularFile(HOME.resolve("docs").resolve(m.group(1)))) {
					broken.add(file + ":" + line(text, m) + ": docs/" + m.group(1) + " does not exist");
				}
			});
			each(SECTION, text, m -> {
				if (!headings(HOME.resolve("docs").resolve(m.group(1))).stream()
					.anyMatch(h -> h.startsWith(m.group(2) + "."))) {
					broken.add(file + ":" + line(text, m) + ": " + m.group() + ": no section " + m.group(2));
				}
			});
			each(CASES, text, m -> {
				int from = Integer.parseInt(m.group(1));
				int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
				for (int n = from; n <= to; n++) {
					if (!securityCases().contains(n)) {
						broken.add(file + ":" + line(text, m) + ": " + m.group() + ": docs/security.md has no case " + n);
					}
				}
			});
			if (file.endsWith(".md")) {
				each(MARKDOWN_LINK, text, m -> linkProblem(file, m.group(1))
					.ifPresent(problem -> broken.add(file + ":" + line(text, m) + ": " + problem)));
			}
		}

		assertThat(broken).as("references to docs that do not exist").isEmpty();
	}

	@Test
	void theReadmeStaysAManual() throws IOException {
		long lines = Files.readAllLines(HOME.resolve("README.md")).size();

		assertThat(lines).as("README.md lines: details, dated figures and internals belong in docs/").isLessThanOrEqualTo(250);
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		String outside = "see " + "DESIGN §6 and ../shared/" + "PITFALLS.md";

		assertThat(OUTSIDE.matcher(outside).results().count()).isEqualTo(2);
		assertThat(linkProblem("README.md", "docs/nowhere.md")).isPresent();
		assertThat(linkProblem("README.md", "docs/method.md#no-such-heading")).isPresent();
		assertThat(linkProblem("README.md", "docs/method.md#4-interleaved-trials")).isEmpty();
		assertThat(linkProblem("docs/design.md", "../README.md#layout")).isEmpty();
		assertThat(securityCases()).contains(1, 12, 24);
	}

	/** What is wrong with a relative link of a Markdown file, if anything. */
	private static Optional<String> linkProblem(String file, String link) {
		if (link.matches("^[a-z]+:.*") || link.startsWith("#") && link.length() == 1) {
			return Optional.empty();
		}
		int hash = link.indexOf('#');
		String target = hash < 0 ? link : link.substring(0, hash);
		Path path = target.isEmpty() ? HOME.resolve(file) : HOME.resolve(file).getParent().resolve(target).normalize();
		if (!Files.exists(path)) {
			return Optional.of("link " + link + ": " + HOME.relativize(path) + " does not exist");
		}
		if (hash >= 0 && path.toString().endsWith(".md")) {
			String anchor = link.substring(hash + 1);
			Set<String> anchors = headings(path).stream().map(DocsReferencesTests::anchor).collect(Collectors.toSet());
			if (!anchors.contains(anchor)) {
				return Optional.of("link " + link + ": no heading with the anchor #" + anchor);
			}
		}
		return Optional.empty();
	}

	/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
	static String anchor(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	private static List<String> headings(Path markdown) {
		try {
			return HEADING.matcher(Files.readString(markdown)).results().map(m -> m.group(1)).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static Set<Integer> securityCases() {
		try {
			return Pattern.compile("(?m)^(\\d+)\\. ")
				.matcher(Files.readString(HOME.resolve("docs/security.md")))
				.results()
				.map(m -> Integer.valueOf(m.group(1)))
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			return Set.of();
		}
	}

	private static void each(Pattern pattern, String text, Consumer<Matcher> action) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			action.accept(matcher);
		}
	}

	private static int line(String text, Matcher match) {
		return (int) text.substring(0, match.start()).chars().filter(c -> c == '\n').count() + 1;
	}

	/** The file's text, or empty for a binary file (or one that is gone from the working tree). */
	private static Optional<String> text(String file) throws IOException {
		Path path = HOME.resolve(file);
		if (!Files.isRegularFile(path)) {
			return Optional.empty();
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/** The repository's files: tracked, plus new ones git does not ignore; this test's own file left out. */
	private static List<String> files() throws IOException {
		Process git;
		try {
			git = new ProcessBuilder("git", "-C", HOME.toString(), "ls-files", "--cached", "--others", "--exclude-standard")
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("this test lists the repository's files with git: install the package 'git'", ex);
		}
		String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
				throw new AssertionError("git ls-files failed in " + HOME + ": " + out);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		List<String> files = out.lines().filter(f -> !f.equals(SELF)).toList();
		assertThat(files).as("files of the repository at " + HOME).isNotEmpty();
		return files;
	}
}
