package org.authbench.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.trial.TrialResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.html}: self-contained (ECharts from its WebJar inlined, the comparison's data
 * as JSON), so it opens offline from disk. In order: the architect's table, the charts
 * (throughput, latency percentiles, one time line per drill with its events marked), the
 * method, the warnings.
 */
public final class HtmlReport {

	static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HtmlReport() {
	}

	public static String render(Comparison comparison) {
		StringBuilder table = new StringBuilder();
		for (Comparison.Row row : comparison.rows()) {
			table.append("<tr data-variant=\"").append(escape(row.variant())).append("\">");
			int column = 0;
			for (String cell : MarkdownReport.cells(row)) {
				table.append(column > 0 && column < 7 ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
				column++;
			}
			table.append("</tr>\n");
		}
		StringBuilder revocations = new StringBuilder();
		if (!comparison.revocations().isEmpty()) {
			revocations.append("<h2>Revocation</h2>\n<p>").append(escape(MarkdownReport.REVOCATION_INTRO))
				.append("</p>\n<table id=\"revocation-table\">\n<thead><tr>");
			MarkdownReport.REVOCATION_HEADERS.forEach(h -> revocations.append("<th>").append(escape(h)).append("</th>"));
			revocations.append("</tr></thead>\n<tbody>\n");
			for (RevocationResult revocation : comparison.revocations()) {
				revocations.append("<tr data-revocation=\"").append(escape(revocation.variant())).append("\">");
				MarkdownReport.cells(revocation)
					.forEach(cell -> revocations.append("<td>").append(escape(cell)).append("</td>"));
				revocations.append("</tr>\n");
			}
			revocations.append("</tbody>\n</table>\n");
		}
		StringBuilder context = new StringBuilder();
		if (!comparison.contextSizes().isEmpty()) {
			context.append("<h2>Auth-context size</h2>\n<p>").append(escape(MarkdownReport.CONTEXT_INTRO)).append("</p>\n")
				.append("<table id=\"context-table\">\n<thead><tr>");
			MarkdownReport.CONTEXT_HEADERS.forEach(h -> context.append("<th>").append(escape(h)).append("</th>"));
			context.append("</tr></thead>\n<tbody>\n");
			for (Comparison.ContextSize size : comparison.contextSizes()) {
				context.append("<tr data-context=\"").append(escape(size.variant() + "-" + size.bytes())).append("\">");
				int column = 0;
				for (String cell : MarkdownReport.cells(size)) {
					context.append(column > 0 ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
					column++;
				}
				context.append("</tr>\n");
			}
			context.append("</tbody>\n</table>\n<div id=\"chart-context-capacity\" class=\"chart\"></div>\n"
					+ "<div id=\"chart-context-bytes\" class=\"chart\"></div>\n");
		}
		StringBuilder observability = new StringBuilder();
		if (comparison.trial() != null && !comparison.trial().pairs().isEmpty()) {
			observability.append("<h2>What Spring Boot's default observability costs</h2>\n<p>")
				.append(escape(MarkdownReport.OBSERVABILITY_INTRO))
				.append("</p>\n<table id=\"observability-table\">\n<thead><tr>");
			MarkdownReport.PAIR_HEADERS.forEach(h -> observability.append("<th>").append(escape(h)).append("</th>"));
			observability.append("</tr></thead>\n<tbody>\n");
			for (TrialResult.Pair pair : comparison.trial().pairs()) {
				observability.append("<tr data-pair=\"").append(escape(pair.target())).append("\">");
				MarkdownReport.cells(pair).forEach(cell -> observability.append("<td>").append(escape(cell)).append("</td>"));
				observability.append("</tr>\n");
			}
			observability.append("</tbody>\n</table>\n");
		}
		String tableNote = comparison.trial() != null ? MarkdownReport.trialMethod(comparison.trial())
				: "Ratios are medians against the baseline of this comparison, at the same instance count. A cell's "
						+ "interval is the 95% confidence interval over the repeats (n=1: no interval).";
		StringBuilder warnings = new StringBuilder();
		if (comparison.warnings().isEmpty()) {
			warnings.append("<p>None.</p>");
		}
		else {
			warnings.append("<ul class=\"warnings\">");
			comparison.warnings().forEach(w -> warnings.append("<li>").append(escape(w)).append("</li>"));
			warnings.append("</ul>");
		}
		StringBuilder runs = new StringBuilder();
		comparison.runs().forEach(run -> runs.append("<li>").append(escape(run.variant() + " " + run.scenario()))
			.append(": <code>").append(escape(run.dir())).append("</code>").append(run.valid() ? "" : " (INVALID)")
			.append("</li>"));
		return resource("report.html").replace("{{title}}", escape(comparison.name()))
			.replace("{{machine}}", escape("Measured on " + comparison.machine() + ", " + comparison.createdAt()))
			.replace("{{validity}}", comparison.valid() ? ""
					: "<p class=\"invalid\"><b>INVALID:</b> at least one run was invalid; see the warnings.</p>")
			.replace("{{table}}", comparison.rows().isEmpty()
					? "<tr><td colspan=\"11\">" + escape(MarkdownReport.NO_ROWS) + "</td></tr>" : table)
			.replace("{{tablenote}}", escape(tableNote))
			.replace("{{observability}}", observability)
			.replace("{{trialmethod}}", escape(comparison.trial() != null ? MarkdownReport.trialMethod(comparison.trial())
					: "Gatling's throughput ladder on each variant's own stack, one after the other (no interleaved trial)."))
			.replace("{{revocations}}", revocations)
			.replace("{{context}}", context)
			.replace("{{settings}}", escape(JSON.writeValueAsString(comparison.settings())))
			.replace("{{warnings}}", warnings)
			.replace("{{runs}}", runs)
			.replace("{{data}}", JSON.writeValueAsString(comparison).replace("</", "<\\/"))
			.replace("{{echarts}}", classpath(ECHARTS));
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String resource(String name) {
		return classpath("/org/authbench/harness/report/" + name);
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
