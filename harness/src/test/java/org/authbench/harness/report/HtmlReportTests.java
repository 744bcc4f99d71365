package org.authbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HtmlReportTests {

	/** A configuration's label as a hostile (or careless) hand could write it. */
	private static final String LABEL = "base<script>alert(1)</script>&co";

	private static final String ESCAPED = "base&lt;script&gt;alert(1)&lt;/script&gt;&amp;co";

	@Test
	void inlinesTheEChartsVersionTheRootPomPins() throws IOException {
		Matcher pinned = Pattern.compile("<echarts.version>([^<]+)</echarts.version>")
			.matcher(Files.readString(CommittedResults.HOME.resolve("pom.xml")));

		assertThat(pinned.find()).as("echarts.version in the root pom").isTrue();
		assertThat(HtmlReport.ECHARTS).isEqualTo("/META-INF/resources/webjars/echarts/" + pinned.group(1)
				+ "/dist/echarts.min.js");
		assertThat(HtmlReport.class.getResource(HtmlReport.ECHARTS)).isNotNull();
	}

	@Test
	void aLabelWithMarkupIsEscapedInTheTablesTheFindingsAndTheTitleAndKeptOutOfTheScripts() throws IOException {
		Comparison comparison = newestDemo(Map.of("\"baseline\"", "\"" + LABEL + "\"", "\"name\" : \"demo\"",
				"\"name\" : \"demo & <b>friends</b>\""));

		String html = HtmlReport.render(comparison);
		String page = withoutScripts(html);

		assertThat(Findings.of(comparison)).as("a finding names the configuration")
			.anyMatch(f -> f.text().contains(LABEL));
		assertThat(page).doesNotContain("<script>alert", "<b>friends")
			.contains("<title>authbench: demo &amp; &lt;b&gt;friends&lt;/b&gt;</title>",
					"<h1>authbench: demo &amp; &lt;b&gt;friends&lt;/b&gt;</h1>",
					"<tr data-variant=\"" + ESCAPED + "\"><th scope=\"row\">" + ESCAPED + "</th>",
					"<tr data-fault=\"" + ESCAPED + "\"><th scope=\"row\">" + ESCAPED + "</th>",
					"capacity vs " + ESCAPED + " (×)");
		String findings = page.substring(page.indexOf("<ol class=\"findings\">"), page.indexOf("</ol>"));
		assertThat(findings).contains(ESCAPED).doesNotContain(LABEL);
		assertThat(html.contains("<script>alert")).as("the label's markup anywhere, the scripts included").isFalse();
		assertThat(html.contains("\"variant\":\"base\\u003cscript>alert(1)\\u003c/script>&co\""))
			.as("in the data, every < is a JSON escape: no text of it ends the script")
			.isTrue();
		assertThat(Pattern.compile("<script").matcher(html).results().count())
			.as("the page's own scripts only: the picture switch, ECharts, the data, the charts")
			.isEqualTo(4);
	}

	@Test
	void aMachineAndAWarningWithAnAmpersandAreEscaped() throws IOException {
		Comparison demo = newestDemo(Map.of());
		Comparison comparison = new Comparison(demo.schema(), demo.name(), demo.createdAt(), demo.settings(),
				"a machine <with> R&D", false, List.of("trial: W & <i>x</i>"), demo.rows(), demo.runs(),
				demo.timelines(), demo.contextSizes(), demo.revocations(), demo.trial());

		String page = withoutScripts(HtmlReport.render(comparison));

		assertThat(page).contains("Measured on a machine &lt;with&gt; R&amp;D, ", "<p class=\"invalid\"><b>INVALID:</b>",
				"W &amp; &lt;i&gt;x&lt;/i&gt;</span>")
			.doesNotContain("<i>x</i>", "R&D");
	}

	@Test
	void theHeaderGivesTheTimeOfMeasurementToTheSecond() throws IOException {
		Comparison demo = newestDemo(Map.of());
		Comparison comparison = new Comparison(demo.schema(), demo.name(), "2026-12-05T01:03:32.128624910",
				demo.settings(), "m", demo.valid(), demo.warnings(), demo.rows(), demo.runs(), demo.timelines(),
				demo.contextSizes(), demo.revocations(), demo.trial());

		assertThat(withoutScripts(HtmlReport.render(comparison))).contains("Measured on m, 2026-12-05 01:03:32")
			.doesNotContain("01:03:32.128");
		assertThat(MarkdownReport.render(comparison)).contains("Measured on m, 2026-12-05 01:03:32. Settings:");
		Comparison unparsed = new Comparison(demo.schema(), demo.name(), "yesterday", demo.settings(), "m",
				demo.valid(), demo.warnings(), demo.rows(), demo.runs(), demo.timelines(), demo.contextSizes(),
				demo.revocations(), demo.trial());
		assertThat(unparsed.measuredAt()).as("any other text as it is").isEqualTo("yesterday");
	}

	@Test
	void everyCellIsShownAsItsNamedColumnSays() throws IOException {
		String page = withoutScripts(HtmlReport.render(newestDemo(Map.of())));

		assertThat(page).as("the design heads its row; a figure is a number with its interval on hover")
			.containsPattern("<tr data-variant=\"sticky\"><th scope=\"row\">sticky</th><td class=\"num\" "
					+ "title=\"95% interval [0-9,.]+–[0-9,.]+, n=[0-9]+\">[0-9,]+ ± [0-9,]+</td>")
			.as("a fault's cell: its severity's colour, its sentence on hover, a link to its time line")
			.containsPattern("<td class=\"num sev-[a-z-]+\" title=\"[^\"]+\"><a href=\"#chart-sticky-failover\">")
			.as("a requirement links its evidence; a design that meets it is text on green")
			.containsPattern("<th scope=\"row\"><a href=\"#[a-z-]+\">[^<]+</a></th><td class=\"sev-none\">")
			.as("the capacity model: the design as text, the figures as numbers")
			.containsPattern("<tr data-capacity=\"jwt\"><td>jwt</td><td class=\"num\">[0-9.]+</td>");
	}

	@Test
	void aColumnNamedThatATableDoesNotHaveIsAnError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HtmlReport.columns(List.of("variant", "capacity"), Map.of("design", HtmlReport.Kind.ROW),
					HtmlReport.Kind.NUMBER))
			.withMessageContaining("design");
	}

	@Test
	void aComparisonWithoutResultsSaysSoInEachSection() throws IOException {
		Comparison demo = newestDemo(Map.of());
		Comparison empty = new Comparison(demo.schema(), demo.name(), demo.createdAt(), demo.settings(), demo.machine(),
				true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

		String page = withoutScripts(HtmlReport.render(empty));

		assertThat(page).contains("<p>" + escaped(MarkdownReport.NO_FINDINGS) + "</p>",
				"<p>" + escaped(MarkdownReport.NO_ROWS) + "</p>", "<p>" + escaped(MarkdownReport.NO_FAULTS) + "</p>",
				"<h2 id=\"warnings-by-run\">Warnings, by run</h2>\n<p>None.</p>")
			.doesNotContain("<table", "class=\"invalid\"", "id=\"choosing\"", "id=\"capacity-section\"",
					"id=\"revocation\"");
	}

	/** The page without its scripts' code (ECharts, the data), so that a failed assertion shows it readably. */
	private static String withoutScripts(String html) {
		return html.replaceAll("(?s)<script>.*?</script>", "<script>…</script>");
	}

	/** A text as Thymeleaf writes it in HTML: the apostrophe too as a character reference. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	/** The newest committed demo's summary.json, each key of {@code edits} replaced by its value. */
	static Comparison newestDemo(Map<String, String> edits) throws IOException {
		String json = Files.readString(CommittedResults.newestDemo().resolve("summary.json"));
		for (Map.Entry<String, String> edit : edits.entrySet()) {
			assertThat(json.contains(edit.getKey())).as("%s in the demo's summary.json", edit.getKey()).isTrue();
			json = json.replace(edit.getKey(), edit.getValue());
		}
		return ReportJson.JSON.readValue(json, Comparison.class);
	}
}
