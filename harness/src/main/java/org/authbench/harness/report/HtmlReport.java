package org.authbench.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.authbench.harness.revocation.RevocationResult;
import org.authbench.harness.trial.TrialResult;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report.html}: self-contained (ECharts from its WebJar inlined, the comparison's data
 * as JSON), so it opens offline from disk, prints to PDF and reads on a narrow screen (tables
 * scroll inside their own box). In order: the findings, the architect's table, the failure
 * matrix, the charts (throughput, latency, one time line per drill with its events marked), the
 * method, the warnings by run.
 * <p>
 * The page is the Thymeleaf template {@code report.html} beside this class (its tables by
 * {@code report-table.html}), filled from a {@link View} made here: Thymeleaf escapes every text
 * and attribute; only ECharts and the data (JSON) go in as they are.
 */
public final class HtmlReport {

	/** ECharts from its WebJar, at the version the root pom pins ({@code echarts.version}): the WebJar says which. */
	static final String ECHARTS = "/META-INF/resources/webjars/echarts/" + webJarVersion("org.webjars.npm", "echarts")
			+ "/dist/echarts.min.js";

	private static final String TEMPLATES = "org/authbench/harness/report/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TemplateEngine ENGINE = engine();

	private HtmlReport() {
	}

	public static String render(Comparison comparison) {
		return ENGINE.process("report", new Context(Locale.ROOT, Map.of("report", View.of(comparison))));
	}

	/**
	 * What report.html shows, in its order.
	 *
	 * @param noFindings what the page says without a finding
	 * @param capacity null without a capacity model
	 * @param trialMethod how capacity and cost were measured
	 * @param jsonSettings the comparison's settings as JSON (not {@code settings…}: OGNL reads no record
	 *        component whose name starts with {@code set} as a property)
	 * @param data the whole comparison as JSON, for the charts: every {@code <} (in a string: JSON has it nowhere
	 *        else) as its JSON escape (U+003C), so that no text of it can end the {@code <script>} or open a comment
	 * @param echarts ECharts' own script
	 */
	record View(String title, String machine, boolean valid, List<Emphasized> findings, String noFindings,
			Section architect, Section faults, Section choosing, CapacitySection capacity, Section observability,
			String trialMethod, Section revocations, Section contextSizes, String jsonSettings, List<Warnings.Group> warnings,
			List<Comparison.RunRef> runs, String data, String echarts) {

		static View of(Comparison comparison) {
			Comparison.Trial trial = comparison.trial();
			String trialMethod = trial != null ? MarkdownReport.trialMethod(trial)
					: "Gatling's throughput ladder on each variant's own stack, one after the other (no interleaved trial).";
			String tableNote = (trial != null ? MarkdownReport.trialMethod(trial)
					: "Ratios are medians against the baseline of this comparison, at the same instance count.") + " "
					+ ArchitectTable.note(comparison);
			return new View(comparison.name(), "Measured on " + comparison.machine() + ", " + comparison.measuredAt(),
					comparison.valid(), Findings.of(comparison).stream().map(Emphasized::of).toList(),
					MarkdownReport.NO_FINDINGS, new Section(architectTable(comparison), tableNote, MarkdownReport.NO_ROWS),
					new Section(failureMatrix(comparison), FailureMatrix.legend(comparison), MarkdownReport.NO_FAULTS),
					new Section(choosingTable(comparison), Choosing.INTRO, null), CapacitySection.of(trial),
					new Section(observabilityTable(trial), MarkdownReport.OBSERVABILITY_INTRO, null), trialMethod,
					new Section(revocationTable(comparison), MarkdownReport.REVOCATION_INTRO, null),
					new Section(contextTable(comparison), MarkdownReport.CONTEXT_INTRO, null),
					JSON.writeValueAsString(comparison.settings()), Warnings.byRun(comparison), comparison.runs(),
					JSON.writeValueAsString(comparison).replace("<", "\\u003c"), classpath(ECHARTS));
		}
	}

	/**
	 * A table with its text (an intro above it, or a note or legend below).
	 *
	 * @param empty what the page says when the table has no row; null: the section is left out
	 */
	record Section(Table table, String text, String empty) {
	}

	/** A finding's text in parts, its figures in bold for a reader who scans, and its evidence. */
	record Emphasized(List<Part> text, List<Finding.Link> evidence) {

		record Part(String text, boolean figure) {
		}

		static Emphasized of(Finding finding) {
			List<Part> parts = new ArrayList<>();
			String text = finding.text();
			int at = 0;
			for (Finding.Figure figure : finding.figures()) {
				int found = text.indexOf(figure.shown(), at);
				parts.add(new Part(text.substring(at, found), false));
				parts.add(new Part(figure.shown(), true));
				at = found + figure.shown().length();
			}
			parts.add(new Part(text.substring(at), false));
			return new Emphasized(parts, finding.evidence());
		}
	}

	/**
	 * The capacity model's section: the model, the sentence on what was checked, and the checks'
	 * table (without rows when none ran).
	 */
	record CapacitySection(String anchor, String title, String intro, Table model, String validation, Table checks) {

		/** Null without a trial or a model. */
		static CapacitySection of(Comparison.Trial trial) {
			if (trial == null || trial.model().isEmpty()) {
				return null;
			}
			return new CapacitySection(CapacityModel.ANCHOR, CapacityModel.TITLE, CapacityModel.INTRO,
					Table.of("capacity-table", "data-capacity",
							columns(CapacityModel.HEADERS, Map.of("design", Kind.TEXT), Kind.NUMBER), trial.model(),
							Comparison.Capacity::variant, CapacityModel::cells),
					CapacityModel.validation(trial),
					Table.of("capacity-validation", "data-validation",
							columns(CapacityModel.VALIDATION_HEADERS, Map.of("design", Kind.TEXT, "check", Kind.TEXT,
									"how it was measured", Kind.TEXT), Kind.NUMBER),
							trial.validation(), Comparison.Validation::variant, CapacityModel::cells));
		}
	}

	/** How a column's cells are shown: the row's header (its design), text, or a number (right-aligned). */
	enum Kind {

		ROW, TEXT, NUMBER

	}

	record Column(String title, Kind kind) {
	}

	/**
	 * A table of report.html: {@code key} is the attribute that names each row ({@code data-variant}
	 * …), for the tests and the page's own links.
	 *
	 * @param caption null for none
	 */
	record Table(String id, String caption, String key, List<Column> columns, List<Row> rows) {

		/** A table of text cells, one row per item. */
		static <T> Table of(String id, String key, List<Column> columns, List<T> items, Function<T, String> name,
				Function<T, List<String>> cells) {
			return new Table(id, null, key, columns, items.stream()
				.map(item -> Row.of(name.apply(item), columns, cells.apply(item).stream().map(Value::of).toList()))
				.toList());
		}
	}

	record Row(String key, List<Cell> cells) {

		/** The values in the columns' order, each shown as its column says. */
		static Row of(String key, List<Column> columns, List<Value> values) {
			if (values.size() != columns.size()) {
				throw new IllegalArgumentException(values.size() + " cells under " + columns.size() + " columns: "
						+ columns.stream().map(Column::title).toList());
			}
			List<Cell> cells = new ArrayList<>();
			for (int c = 0; c < columns.size(); c++) {
				cells.add(values.get(c).in(columns.get(c)));
			}
			return new Row(key, cells);
		}
	}

	/**
	 * What a cell says, before its column places it.
	 *
	 * @param title a tooltip; null for none
	 * @param link null for none
	 * @param css a class of its own (a severity's colour); null for none
	 */
	record Value(String text, String title, String link, String css) {

		static Value of(String text) {
			return new Value(text, null, null, null);
		}

		Cell in(Column column) {
			String classes = Stream.of(column.kind() == Kind.NUMBER ? "num" : null, this.css)
				.filter(c -> c != null && !c.isEmpty())
				.collect(Collectors.joining(" "));
			return new Cell(this.text, this.title, this.link, classes.isEmpty() ? null : classes,
					column.kind() == Kind.ROW);
		}
	}

	/** @param header the row's header ({@code <th scope="row">}) */
	record Cell(String text, String title, String link, String css, boolean header) {
	}

	/** The columns of these titles: those named as said ({@code design} as the row's header …), every other {@code rest}. */
	static List<Column> columns(List<String> titles, Map<String, Kind> named, Kind rest) {
		if (!titles.containsAll(named.keySet())) {
			throw new IllegalArgumentException("no column " + named.keySet() + " in " + titles);
		}
		return titles.stream().map(t -> new Column(t, named.getOrDefault(t, rest))).toList();
	}

	private static Table architectTable(Comparison comparison) {
		List<Column> columns = columns(ArchitectTable.headers(comparison), Map.of("design", Kind.ROW), Kind.NUMBER);
		return new Table("architect-table", null, "data-variant", columns, comparison.rows()
			.stream()
			.map(row -> Row.of(row.variant(), columns, ArchitectTable.cells(comparison, row)
				.stream()
				.map(cell -> new Value(cell.text(), cell.exact(), null, null))
				.toList()))
			.toList());
	}

	private static Table failureMatrix(Comparison comparison) {
		List<String> titles = new ArrayList<>(List.of("design"));
		FailureMatrix.COLUMNS.forEach(c -> titles.add(c.title()));
		List<Column> columns = columns(titles, Map.of("design", Kind.ROW), Kind.NUMBER);
		List<Row> rows = !FailureMatrix.any(comparison) ? List.of() : comparison.rows().stream().map(row -> {
			List<Value> values = new ArrayList<>(List.of(Value.of(row.variant())));
			FailureMatrix.cells(comparison, row)
				.forEach(cell -> values.add(new Value(cell.text(), cell.detail(), cell.link(), cell.severity().css())));
			return Row.of(row.variant(), columns, values);
		}).toList();
		return new Table("failure-table", FailureMatrix.KEY, "data-fault", columns, rows);
	}

	private static Table choosingTable(Comparison comparison) {
		List<Column> columns = columns(MarkdownReport.CHOOSING_HEADERS, Map.of("requirement", Kind.ROW), Kind.TEXT);
		return new Table("choosing-table", null, "data-requirement", columns, Choosing.of(comparison)
			.stream()
			.map(r -> Row.of(r.need(), columns, List.of(new Value(r.need(), null, r.evidence(), null),
					new Value(MarkdownReport.list(r.meets()), null, null, "sev-none"),
					new Value(MarkdownReport.list(r.fails()), null, null, r.fails().isEmpty() ? null : "sev-major"))))
			.toList());
	}

	private static Table observabilityTable(Comparison.Trial trial) {
		return Table.of("observability-table", "data-pair", columns(MarkdownReport.PAIR_HEADERS, Map.of(), Kind.TEXT),
				trial == null ? List.of() : trial.pairs(), TrialResult.Pair::target, MarkdownReport::cells);
	}

	private static Table revocationTable(Comparison comparison) {
		return Table.of("revocation-table", "data-revocation", columns(MarkdownReport.REVOCATION_HEADERS, Map.of(),
				Kind.TEXT), comparison.revocations(), RevocationResult::variant, MarkdownReport::cells);
	}

	private static Table contextTable(Comparison comparison) {
		return Table.of("context-table", "data-context",
				columns(MarkdownReport.CONTEXT_HEADERS, Map.of("variant", Kind.TEXT), Kind.NUMBER),
				comparison.contextSizes(), size -> size.variant() + "-" + size.bytes(), MarkdownReport::cells);
	}

	private static TemplateEngine engine() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
		templates.setPrefix(TEMPLATES);
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding(StandardCharsets.UTF_8.name());
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(templates);
		return engine;
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
