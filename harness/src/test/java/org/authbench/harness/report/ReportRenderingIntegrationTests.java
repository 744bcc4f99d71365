package org.authbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.metrics.Statistics;
import org.authbench.harness.revocation.RevocationResult;
import org.authbench.testsupport.Binaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html opened in a real headless Chromium, from disk, offline: every chart is drawn
 * (not blank, no script error) and the architect's table shows the numbers of summary.json.
 */
class ReportRenderingIntegrationTests {

	@TempDir
	Path dir;

	static Comparison comparison() {
		Comparison.Row baseline = new Comparison.Row("baseline", Statistics.of(List.of(6400.0, 6500.0, 6450.0)),
				Statistics.of(List.of(22.0)), Statistics.of(List.of(230.0)), 1.0, 1.0, null, null, null,
				ComparisonBuilder.revocationDelay("baseline", null), ComparisonBuilder.infrastructure("baseline"),
				Map.of("8", 5000.0, "32", 6450.0), Map.of("p50", 1.3, "p90", 7.0, "p99", 22.3, "p99.9", 42.7), null, null, false, null);
		Comparison.Incident killed = new Comparison.Incident(0, 0.0, 0.0, 3, 2000L, 60L, 30L, 6000L, 5.0, 40.0);
		Comparison.Incident redisDown = new Comparison.Incident(60, null, 1.0, 1200, 9000L, 60L, null, 4000L, 5.0, 2500.0);
		Comparison.Row clustered = new Comparison.Row("clustered", Statistics.of(List.of(1500.0)),
				Statistics.of(List.of(80.0)), Statistics.of(List.of(1380.0)), 6.0, 0.23, Statistics.of(List.of(4.31)),
				killed, redisDown, ComparisonBuilder.revocationDelay("clustered", null),
				ComparisonBuilder.infrastructure("clustered"), Map.of("8", 1300.0, "32", 1500.0),
				Map.of("p50", 15.0, "p90", 40.0, "p99", 80.0, "p99.9", 120.0), null, null, false,
				Map.of("failover", killed, "redis-outage", redisDown, "freeze",
						new Comparison.Incident(12, 0.4, 0.2, 40, null, 60L, 30L, 5000L, 5.0, 3100.0)));
		List<Integer> seconds = new ArrayList<>();
		List<Long> ok = new ArrayList<>();
		List<Long> lost = new ArrayList<>();
		List<Long> errors = new ArrayList<>();
		for (int s = 0; s < 20; s++) {
			seconds.add(s);
			ok.add(s >= 5 && s < 9 ? 20L : 300L);
			lost.add(s == 9 ? 60L : 0L);
			errors.add(s >= 5 && s < 9 ? 280L : 0L);
		}
		Comparison.DrillTimeline outage = new Comparison.DrillTimeline("clustered", "redis-outage", seconds, ok, lost,
				errors, List.of(new Comparison.Event(5.0, "kill redis"), new Comparison.Event(9.0, "start redis")));
		return new Comparison(Comparison.SCHEMA, "rendering-test", "2026-11-25T10:00", Map.of("quick", true),
				"test machine", true, List.of("baseline throughput: warm-up did not converge"),
				List.of(baseline, clustered), List.of(new Comparison.RunRef("baseline", "throughput", "runs/x", true)),
				List.of(outage), List.of(context("clustered", 0, 1500, 1.0, 480, 2900), context("clustered", 4096, 1100, 0.73,
						480, 11_200), context("jwt", 0, 2100, 1.0, 520, null), context("jwt", 4096, 1900, 0.9, 6100, null)),
				List.of(RevocationResult.notApplicable("baseline", "round-robin", 3000, 20),
						new RevocationResult(RevocationResult.SCHEMA, "jwt-none", "round-robin", "none", true, 3, 3000, 20, 6,
								6, null, null, 899L, Map.of("app-1", 3, "app-2", 3),
								"still accepted after 3 s on every instance that accepted it (2 of 2): until exp, 899 s left",
								List.of())), null);
	}

	/** A context-size entry; {@code redisBytes} null for a variant whose reads do not use Redis. */
	private static Comparison.ContextSize context(String variant, int bytes, double capacity, double ratio,
			double requestBytes, Integer redisBytes) {
		return new Comparison.ContextSize(variant, bytes, Statistics.of(List.of(capacity)), ratio,
				Statistics.of(List.of(900.0)), redisBytes == null ? null : Statistics.of(List.of(4.34)),
				redisBytes == null ? null : Statistics.of(List.of(redisBytes.doubleValue())),
				Statistics.of(List.of(requestBytes)), Statistics.of(List.of(350.0)));
	}

	@Test
	void chartsRenderAndTheTableShowsTheSummarysNumbers() throws Exception {
		Comparison comparison = comparison();
		Reports.write(this.dir, comparison);

		String dom = chromiumDom(this.dir.resolve("report.html")).replace("&nbsp;", "\u00a0");

		assertThat(attribute(dom, "data-script-errors")).as("script errors").isEmpty();
		assertThat(Integer.parseInt(attribute(dom, "data-charts-expected")))
			.as("throughput, latency, 1 drill, context capacity and bytes").isEqualTo(5);
		assertThat(attribute(dom, "data-charts-rendered")).isEqualTo(attribute(dom, "data-charts-expected"));
		assertThat(attribute(dom, "data-charts-blank")).as("charts drawn blank").isEmpty();
		Comparison fromDisk = Reports.comparisonOf(this.dir);
		for (Comparison.Row row : fromDisk.rows()) {
			String tableRow = between(dom, "<tr data-variant=\"" + row.variant() + "\">", "</tr>");
			assertThat(tableRow).contains(Cells.number(row.capacity().median(), 0))
				.contains(Cells.number(row.cpuMicrosPerRequest().median(), 0))
				.contains(Cells.number(row.cpuRatio(), 2))
				.contains(Cells.number(row.latencyP99Ms().median(), 1));
		}
		assertThat(between(dom, "<tr data-variant=\"baseline\">", "</tr>")).contains("6,450 ± ").contains("95% interval");
		assertThat(between(dom, "<tr data-variant=\"clustered\">", "</tr>")).contains("4.31");
		assertThat(between(dom, "<tr data-fault=\"clustered\">", "</tr>")).contains("sev-severe")
			.contains("60 · 1,200 · " + Finding.Unit.SECONDS_FROM_MILLIS.format(9000))
			.contains("12 · 40 · no recovery")
			.contains("href=\"#chart-clustered-redis-outage\"");
		assertThat(between(dom, "<tr data-fault=\"baseline\">", "</tr>")).contains("not run");
		assertThat(dom).contains("id=\"chart-clustered-redis-outage\"");
		for (Comparison.ContextSize size : fromDisk.contextSizes()) {
			String tableRow = between(dom, "<tr data-context=\"" + size.variant() + "-" + size.bytes() + "\">", "</tr>");
			assertThat(tableRow).contains(Cells.number(size.capacity().median(), 0))
				.contains(Cells.number(size.requestBytes().median(), 0) + " B")
				.contains(Cells.ratio(size.capacityRatio()));
		}
		assertThat(between(dom, "<tr data-context=\"clustered-4096\">", "</tr>")).contains("11,200 B");
		assertThat(between(dom, "<tr data-revocation=\"jwt-none\">", "</tr>")).contains("until exp, 899 s left")
			.contains("app-2 3/3");
		assertThat(between(dom, "<tr data-revocation=\"baseline\">", "</tr>")).contains("n/a (no credential)");
		assertThat(Files.readString(this.dir.resolve("report.md"))).contains("| clustered |")
			.contains("| 6.00 |")
			.contains("🟥 60 · 1,200 · " + Finding.Unit.SECONDS_FROM_MILLIS.format(9000))
			.contains("## Auth-context size")
			.contains("| jwt | 4,096 B | 1,900 (n=1) |");
	}

	/** The DOM after the page's scripts ran, from Debian's chromium, headless, offline. */
	static String chromiumDom(Path html) throws IOException, InterruptedException {
		return new String(chromium(html, 1280, "--dump-dom"));
	}

	/**
	 * What Debian's chromium, headless and offline, prints for a page opened in a window this wide,
	 * with one more switch ({@code --dump-dom}, {@code --screenshot=…}, {@code --print-to-pdf=…}).
	 */
	static byte[] chromium(Path html, int width, String what) throws IOException, InterruptedException {
		Path chromium = Binaries.require("chromium", "chromium");
		Path profile = Files.createTempDirectory("authbench-chromium-");
		Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--no-pdf-header-footer", "--allow-file-access-from-files",
				"--user-data-dir=" + profile,
				"--window-size=" + width + ",2400", "--virtual-time-budget=15000", what, html.toUri().toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium ended").isTrue();
		return out;
	}

	static String attribute(String dom, String name) {
		Matcher matcher = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
		assertThat(matcher.find()).as("<body> has " + name).isTrue();
		return matcher.group(1);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return text.substring(from, text.indexOf(end, from));
	}
}
