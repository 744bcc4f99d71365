package org.authbench.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.trial.TrialResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.html}: self-contained (ECharts from its WebJar inlined, the comparison's data
 * as JSON), so it opens offline from disk, prints to PDF and reads on a narrow screen (tables
 * scroll inside their own box). In order: the findings, the architect's table, the failure
 * matrix, the charts (throughput, latency, one time line per drill with its events marked), the
 * method, the warnings by run.
 */
public final class HtmlReport {

	/** ECharts from its WebJar, at the version the root pom pins ({@code echarts.version}): the WebJar says which. */
	static final String ECHARTS = "/META-INF/resources/webjars/echarts/" + webJarVersion("org.webjars.npm", "echarts")
			+ "/dist/echarts.min.js";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HtmlReport() {
	}

	public static String render(Comparison comparison) {
		String tableNote = (comparison.trial() != null ? MarkdownReport.trialMethod(comparison.trial())
				: "Ratios are medians against the baseline of this comparison, at the same instance count.") + " "
				+ ArchitectTable.note(comparison);
		return resource("report.html").replace("{{title}}", escape(comparison.name()))
			.replace("{{machine}}", escape("Measured on " + comparison.machine() + ", " + comparison.createdAt()))
			.replace("{{validity}}", comparison.valid() ? ""
					: "<p class=\"invalid\"><b>INVALID:</b> at least one run was invalid; see the warnings.</p>")
			.replace("{{findings}}", findings(comparison))
			.replace("{{table}}", architectTable(comparison))
			.replace("{{tablenote}}", escape(tableNote))
			.replace("{{matrix}}", failureMatrix(comparison))
			.replace("{{choosing}}", choosing(comparison))
			.replace("{{capacity}}", capacity(comparison))
			.replace("{{observability}}", observability(comparison))
			.replace("{{trialmethod}}", escape(comparison.trial() != null ? MarkdownReport.trialMethod(comparison.trial())
					: "Gatling's throughput ladder on each variant's own stack, one after the other (no interleaved trial)."))
			.replace("{{revocations}}", revocations(comparison))
			.replace("{{context}}", context(comparison))
			.replace("{{settings}}", escape(JSON.writeValueAsString(comparison.settings())))
			.replace("{{warnings}}", warnings(comparison))
			.replace("{{runs}}", runs(comparison))
			.replace("{{data}}", JSON.writeValueAsString(comparison).replace("</", "<\\/"))
			.replace("{{echarts}}", classpath(ECHARTS));
	}

	private static String findings(Comparison comparison) {
		List<Finding> findings = Findings.of(comparison);
		if (findings.isEmpty()) {
			return "<p>" + escape(MarkdownReport.NO_FINDINGS) + "</p>";
		}
		StringBuilder html = new StringBuilder("<ol class=\"findings\">\n");
		for (Finding finding : findings) {
			html.append("<li>").append(emphasized(finding)).append(" <span class=\"evidence\">");
			for (int k = 0; k < finding.evidence().size(); k++) {
				Finding.Link link = finding.evidence().get(k);
				html.append(k == 0 ? "" : " · ").append("<a href=\"").append(escape(link.target())).append("\">")
					.append(escape(link.label())).append("</a>");
			}
			html.append("</span></li>\n");
		}
		return html.append("</ol>").toString();
	}

	/** A finding's text with its figures in bold, for a reader who scans. */
	private static String emphasized(Finding finding) {
		StringBuilder html = new StringBuilder();
		String text = finding.text();
		int at = 0;
		for (Finding.Figure figure : finding.figures()) {
			int found = text.indexOf(figure.shown(), at);
			html.append(escape(text.substring(at, found))).append("<b>").append(escape(figure.shown())).append("</b>");
			at = found + figure.shown().length();
		}
		return html.append(escape(text.substring(at))).toString();
	}

	private static String architectTable(Comparison comparison) {
		if (comparison.rows().isEmpty()) {
			return "<p>" + escape(MarkdownReport.NO_ROWS) + "</p>";
		}
		StringBuilder html = new StringBuilder("<div class=\"scroll\"><table id=\"architect-table\">\n<thead><tr>");
		ArchitectTable.headers(comparison).forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
		for (Comparison.Row row : comparison.rows()) {
			html.append("<tr data-variant=\"").append(escape(row.variant())).append("\">");
			int column = 0;
			for (ArchitectTable.Cell cell : ArchitectTable.cells(comparison, row)) {
				html.append(column++ == 0 ? "<th scope=\"row\"" : "<td class=\"num\"");
				if (cell.exact() != null) {
					html.append(" title=\"").append(escape(cell.exact())).append('"');
				}
				html.append('>').append(escape(cell.text())).append(column == 1 ? "</th>" : "</td>");
			}
			html.append("</tr>\n");
		}
		return html.append("</tbody>\n</table></div>").toString();
	}

	private static String failureMatrix(Comparison comparison) {
		if (!FailureMatrix.any(comparison)) {
			return "<p>" + escape(MarkdownReport.NO_FAULTS) + "</p>";
		}
		StringBuilder html = new StringBuilder("<div class=\"scroll\"><table id=\"failure-table\">\n<caption>")
			.append(escape(FailureMatrix.KEY))
			.append("</caption>\n<thead><tr><th>design</th>");
		FailureMatrix.COLUMNS.forEach(c -> html.append("<th>").append(escape(c.title())).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
		for (Comparison.Row row : comparison.rows()) {
			html.append("<tr data-fault=\"").append(escape(row.variant())).append("\"><th scope=\"row\">")
				.append(escape(row.variant())).append("</th>");
			for (FailureMatrix.Cell cell : FailureMatrix.cells(comparison, row)) {
				html.append("<td class=\"num ").append(cell.severity().css()).append("\" title=\"")
					.append(escape(cell.detail())).append("\">");
				if (cell.link() != null) {
					html.append("<a href=\"").append(escape(cell.link())).append("\">").append(escape(cell.text())).append("</a>");
				}
				else {
					html.append(escape(cell.text()));
				}
				html.append("</td>");
			}
			html.append("</tr>\n");
		}
		return html.append("</tbody>\n</table></div>\n<p class=\"note\">").append(escape(FailureMatrix.LEGEND))
			.append("</p>").toString();
	}

	private static String choosing(Comparison comparison) {
		List<Choosing.Requirement> requirements = Choosing.of(comparison);
		if (requirements.isEmpty()) {
			return "";
		}
		StringBuilder html = new StringBuilder("<h2 id=\"choosing\">Choosing</h2>\n<p class=\"note\">")
			.append(escape(Choosing.INTRO))
			.append("</p>\n<div class=\"scroll\"><table id=\"choosing-table\">\n<thead><tr>");
		MarkdownReport.CHOOSING_HEADERS.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
		for (Choosing.Requirement requirement : requirements) {
			html.append("<tr><th scope=\"row\"><a href=\"").append(escape(requirement.evidence())).append("\">")
				.append(escape(requirement.need())).append("</a></th><td class=\"sev-none\">")
				.append(escape(MarkdownReport.list(requirement.meets()))).append("</td><td class=\"")
				.append(requirement.fails().isEmpty() ? "" : "sev-major").append("\">")
				.append(escape(MarkdownReport.list(requirement.fails()))).append("</td></tr>\n");
		}
		return html.append("</tbody>\n</table></div>\n").toString();
	}

	private static String capacity(Comparison comparison) {
		if (comparison.trial() == null || comparison.trial().model().isEmpty()) {
			return "";
		}
		return "<section id=\"capacity-section\">\n<h2 id=\"" + CapacityModel.ANCHOR + "\">" + escape(CapacityModel.TITLE)
				+ "</h2>\n<p class=\"note\">"
				+ escape(CapacityModel.INTRO) + "</p>\n"
				+ table("capacity-table", CapacityModel.HEADERS,
						comparison.trial().model().stream().map(CapacityModel::cells).toList(),
						comparison.trial().model().stream().map(Comparison.Capacity::variant).toList(), "data-capacity", 1)
				+ "<div id=\"chart-capacity-model\" class=\"chart\"></div>\n<p class=\"note\">"
				+ escape(CapacityModel.validation(comparison.trial())) + "</p>\n"
				+ (comparison.trial().validation().isEmpty() ? ""
						: table("capacity-validation", CapacityModel.VALIDATION_HEADERS,
								comparison.trial().validation().stream().map(CapacityModel::cells).toList(),
								comparison.trial().validation().stream().map(Comparison.Validation::variant).toList(),
								"data-validation", 3))
				+ "</section>\n";
	}

	private static String observability(Comparison comparison) {
		if (comparison.trial() == null || comparison.trial().pairs().isEmpty()) {
			return "";
		}
		StringBuilder html = new StringBuilder("<h2 id=\"what-spring-boots-default-observability-costs\">What Spring Boot's default observability costs</h2>\n<p>")
			.append(escape(MarkdownReport.OBSERVABILITY_INTRO)).append("</p>\n");
		return html.append(table("observability-table", MarkdownReport.PAIR_HEADERS,
				comparison.trial().pairs().stream().map(MarkdownReport::cells).toList(),
				comparison.trial().pairs().stream().map(TrialResult.Pair::target).toList(), "data-pair", 0)).toString();
	}

	private static String revocations(Comparison comparison) {
		if (comparison.revocations().isEmpty()) {
			return "";
		}
		return "<h2 id=\"revocation\">Revocation</h2>\n<p>" + escape(MarkdownReport.REVOCATION_INTRO) + "</p>\n"
				+ table("revocation-table", MarkdownReport.REVOCATION_HEADERS,
						comparison.revocations().stream().map(MarkdownReport::cells).toList(),
						comparison.revocations().stream().map(RevocationResult::variant).toList(), "data-revocation", 0);
	}

	private static String context(Comparison comparison) {
		if (comparison.contextSizes().isEmpty()) {
			return "";
		}
		return "<h2 id=\"context-size\">Auth-context size</h2>\n<p>" + escape(MarkdownReport.CONTEXT_INTRO) + "</p>\n"
				+ table("context-table", MarkdownReport.CONTEXT_HEADERS,
						comparison.contextSizes().stream().map(MarkdownReport::cells).toList(),
						comparison.contextSizes().stream().map(s -> s.variant() + "-" + s.bytes()).toList(), "data-context", 1)
				+ "<div id=\"chart-context-capacity\" class=\"chart\"></div>\n"
				+ "<div id=\"chart-context-bytes\" class=\"chart\"></div>\n";
	}

	/** A table in its own scrolling box; cells from column {@code firstNumber} on are numbers. */
	private static String table(String id, List<String> headers, List<List<String>> rows, List<String> keys,
			String keyAttribute, int firstNumber) {
		StringBuilder html = new StringBuilder("<div class=\"scroll\"><table id=\"").append(id).append("\">\n<thead><tr>");
		headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
		for (int r = 0; r < rows.size(); r++) {
			html.append("<tr ").append(keyAttribute).append("=\"").append(escape(keys.get(r))).append("\">");
			List<String> cells = rows.get(r);
			for (int c = 0; c < cells.size(); c++) {
				html.append(c >= firstNumber && firstNumber > 0 ? "<td class=\"num\">" : "<td>").append(escape(cells.get(c)))
					.append("</td>");
			}
			html.append("</tr>\n");
		}
		return html.append("</tbody>\n</table></div>\n").toString();
	}

	private static String warnings(Comparison comparison) {
		List<Warnings.Group> groups = Warnings.byRun(comparison);
		if (groups.isEmpty()) {
			return "<p>None.</p>";
		}
		StringBuilder html = new StringBuilder();
		for (Warnings.Group group : groups) {
			html.append("<h3>").append(escape(group.run()));
			if (group.link() != null) {
				html.append(" <a class=\"file\" href=\"").append(escape(group.link())).append("\">")
					.append(escape(group.link())).append("</a>");
			}
			html.append("</h3>\n<ul class=\"warnings\">");
			for (Warnings.Item item : group.items()) {
				html.append("<li><span class=\"warning\">").append(escape(item.warning()))
					.append("</span><br><span class=\"means\">").append(escape(item.means())).append("</span></li>");
			}
			html.append("</ul>\n");
		}
		return html.toString();
	}

	private static String runs(Comparison comparison) {
		StringBuilder html = new StringBuilder();
		comparison.runs().forEach(run -> html.append("<li>").append(escape(run.variant() + " " + run.scenario()))
			.append(": <code>").append(escape(run.dir())).append("</code>").append(run.valid() ? "" : " (INVALID)")
			.append("</li>"));
		return html.toString();
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String resource(String name) {
		return classpath("/org/authbench/harness/report/" + name);
	}

	private static String webJarVersion(String group, String artifact) {
		Properties pom = new Properties();
		try {
			pom.load(new StringReader(classpath("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pom.getProperty("version");
	}

	private static String classpath(String path) {
		try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing on the class path: " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
