package org.authbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.authbench.testsupport.Binaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.harness.report.ReportRenderingIntegrationTests.attribute;
import static org.authbench.harness.report.ReportRenderingIntegrationTests.chromium;

/**
 * report.html of the newest committed demo, re-rendered, in headless Chromium: at 1,400 and 420
 * px wide the page itself never scrolls sideways (tables scroll in their own box), and printed
 * to PDF it keeps every section, the findings on its first page. The screenshots and the PDF
 * stay in {@code harness/target/report-layout/} for a person to look at.
 */
class ReportLayoutIntegrationTests {

	static final Path OUT = Path.of("target", "report-layout");

	/** Headless Chromium makes no window narrower than this (checked with Chromium 156). */
	static final int MIN_WINDOW = 500;

	static Path html;

	static Comparison comparison;

	@BeforeAll
	static void render() throws IOException {
		Path demo = CommittedResults.newestDemo();
		Path dir = Files.createDirectories(OUT.resolve("report"));
		comparison = Reports.comparisonOf(demo);
		Reports.write(dir, comparison);
		html = dir.resolve("report.html").toAbsolutePath();
	}

	@Test
	void thePageFitsAWideAndANarrowWindowAndEveryChartIsDrawn() throws Exception {
		for (int width : List.of(1400, 420)) {
			Path page = width < MIN_WINDOW ? framed(width) : html;
			int window = Math.max(width, MIN_WINDOW);
			String dom = new String(chromium(page, window, "--dump-dom"));
			chromium(page, window, "--screenshot=" + OUT.toAbsolutePath().resolve("report-" + width + ".png"));

			assertThat(attribute(dom, "data-script-errors")).as("script errors at %d px", width).isEmpty();
			assertThat(attribute(dom, "data-charts-blank")).as("charts drawn blank at %d px", width).isEmpty();
			assertThat(Integer.parseInt(attribute(dom, "data-window-width"))).isEqualTo(width);
			assertThat(Integer.parseInt(attribute(dom, "data-page-width")))
				.as("the page's width in a window %d px wide (wider: the page scrolls sideways)", width)
				.isLessThanOrEqualTo(width);
		}
		assertThat(OUT.resolve("report-420.png")).isNotEmptyFile();
	}

	@Test
	void printedToPdfItKeepsEverySectionAndOpensWithTheFindings() throws Exception {
		Path pdf = OUT.toAbsolutePath().resolve("report.pdf");
		Files.deleteIfExists(pdf);

		chromium(html, 1400, "--print-to-pdf=" + pdf);

		assertThat(pdf).isNotEmptyFile();
		String firstPage = pdfText(pdf, "-l", "1");
		assertThat(firstPage).contains("Findings").contains("The architect's table");
		List<Finding> findings = Findings.of(comparison);
		assertThat(findings).isNotEmpty();
		String text = pdfText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
		for (Finding finding : findings) {
			String opening = finding.text().substring(0, Math.min(40, finding.text().length()));
			assertThat(text).as("finding in the PDF").contains(opening.replace('\u00a0', ' ').replaceAll("\\s+", " "));
		}
		List<String> sections = new ArrayList<>(List.of("Findings", "The architect's table", "Failure matrix", "Charts",
				"Method", "Warnings, by run", "Runs"));
		if (!Choosing.of(comparison).isEmpty()) {
			sections.add("Choosing");
		}
		if (comparison.trial() != null && !comparison.trial().model().isEmpty()) {
			sections.add(CapacityModel.TITLE);
		}
		if (!comparison.revocations().isEmpty()) {
			sections.add("Revocation");
		}
		if (comparison.trial() != null && !comparison.trial().pairs().isEmpty()) {
			sections.add("What Spring Boot's default observability costs");
		}
		assertThat(text).contains(sections);
	}

	/**
	 * The report in a frame this wide, for widths below headless Chromium's narrowest window: the
	 * frame is the report's viewport (its media queries, its {@code innerWidth}), and the page
	 * copies what the report says about itself onto its own {@code <body>}.
	 */
	private static Path framed(int width) throws IOException {
		Path page = html.resolveSibling("framed-" + width + ".html");
		Files.writeString(page, """
				<!DOCTYPE html><html><body style="margin:0">
				<iframe id="report" src="report.html" style="width:%dpx;height:2400px;border:0"></iframe>
				<script>
				const frame = document.getElementById('report');
				const copy = () => Object.assign(document.body.dataset, frame.contentDocument.body.dataset);
				frame.addEventListener('load', () => { copy(); setInterval(copy, 100); });
				</script></body></html>
				""".formatted(width));
		return page;
	}

	/** The PDF's text from poppler's pdftotext, in reading order. */
	private static String pdfText(Path pdf, String... pages) throws IOException, InterruptedException {
		Path pdftotext = Binaries.require("pdftotext", "poppler-utils");
		List<String> command = new ArrayList<>(List.of(pdftotext.toString()));
		command.addAll(List.of(pages));
		command.addAll(List.of(pdf.toString(), "-"));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String text = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("pdftotext ended").isTrue();
		assertThat(process.exitValue()).as("pdftotext's exit code").isZero();
		return text;
	}
}
