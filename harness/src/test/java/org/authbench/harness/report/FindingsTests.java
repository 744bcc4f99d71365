package org.authbench.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.MedianInterval;
import org.authbench.harness.metrics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings are made from the comparison's own figures: regenerated from each committed
 * summary.json, every number in their text is a value of that file, at the place the finding
 * names, and every piece of evidence they link exists.
 */
class FindingsTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.authbench.harness.report.CommittedResults#comparisons")
	void everyNumberOfAFindingIsAValueOfSummaryJsonAndEveryLinkLeadsSomewhere(Path result) throws IOException {
		JsonNode summary = ReportJson.JSON.readTree(result.resolve("summary.json").toFile());
		Comparison comparison = Reports.comparisonOf(result);

		List<Finding> findings = Findings.of(comparison);

		assertThat(findings).hasSizeLessThanOrEqualTo(Findings.MOST);
		String html = HtmlReport.render(comparison);
		for (Finding finding : findings) {
			String rest = finding.text();
			for (Finding.Figure figure : finding.figures()) {
				JsonNode value = summary.at(figure.pointer());
				assertThat(value.isNumber()).as("%s in %s: a number at %s", figure.shown(), result, figure.pointer()).isTrue();
				assertThat(figure.unit().format(value.asDouble())).as(figure.pointer()).isEqualTo(figure.shown());
				assertThat(rest).as(finding.text()).contains(figure.shown());
				rest = rest.replaceFirst(java.util.regex.Pattern.quote(figure.shown()), "");
			}
			for (Comparison.Row row : comparison.rows()) {
				rest = rest.replace(row.variant(), "");
			}
			assertThat(rest.replace("95% interval", "").replace("p99", "")).as("numbers not from summary.json in: %s",
					finding.text()).doesNotContainPattern("[0-9]");
			assertThat(finding.evidence()).as(finding.text()).isNotEmpty();
			for (Finding.Link link : finding.evidence()) {
				if (link.anchor() && !link.target().startsWith("#chart-")) {
					assertThat(html).as(link.target()).contains("id=\"" + link.target().substring(1) + "\"");
				}
				else if (link.anchor()) {
					String chart = link.target().substring("#chart-".length());
					assertThat(comparison.timelines()).as(link.target())
						.anyMatch(t -> chart.equals(t.variant() + "-" + t.scenario()));
				}
				else {
					assertThat(result.resolve(link.target())).as(link.target()).isRegularFile();
				}
			}
		}
	}

	@Test
	void theDemosOpenWithFiveToEightFindings() throws IOException {
		// Valid demos only: a demo that is not valid opens with that and makes no finding on cost (and
		// a user's own results folder may hold one under the plain -demo name).
		List<Path> demos = CommittedResults.comparisons().filter(d -> d.getFileName().toString().endsWith("-demo"))
			.filter(d -> Reports.comparisonOf(d).valid())
			.toList();

		assertThat(demos).isNotEmpty();
		for (Path demo : demos) {
			assertThat(Findings.of(Reports.comparisonOf(demo))).as(demo.toString()).hasSizeBetween(5, 8);
		}
	}

	@Test
	void aFailoverInWhichNoRequestFailedSaysSo() throws IOException {
		// The demo of 2026-12-07 06:22: its failovers lost 0 requests in every design.
		Comparison demo = CommittedResults.read("20261207-062248-demo");

		assertThat(Findings.of(demo)).anySatisfy(f -> assertThat(f.text()).startsWith("Killing one of 2 instances")
			.contains("No request failed.")
			.doesNotContain("At most 0"));
	}

	@Test
	void aWideIntervalIsCalledUncertainAndAColdConfigurationIsNotCompared() {
		Comparison comparison = trial(true, interval(1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
				interval(1.2, 2.9, 1.3, 3.8, 1.25, 1.3), false);

		List<Finding> findings = Findings.of(comparison);

		assertThat(findings).anySatisfy(f -> assertThat(f.text()).startsWith("CPU per request")
			.contains("jwt 1.30× (uncertain: its 95% interval runs from 1.20× to 3.80×)")
			.contains("clustered not compared (COLD"));
	}

	@Test
	void aComparisonThatIsNotValidSaysSoAndMakesNoFindingOnCost() {
		Comparison comparison = trial(false, interval(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), interval(1.3, 1.3, 1.3, 1.3, 1.3, 1.3),
				true);

		List<Finding> findings = Findings.of(comparison);

		assertThat(findings.get(0).text()).startsWith("This comparison is not valid");
		assertThat(findings).noneSatisfy(f -> assertThat(f.text()).containsAnyOf("CPU per request", "Capacity"));
	}

	private static MedianInterval interval(double... values) {
		return MedianInterval.of(java.util.Arrays.stream(values).boxed().toList());
	}

	/** A trial of baseline, jwt and clustered; clustered COLD. */
	private static Comparison trial(boolean valid, MedianInterval baseline, MedianInterval jwt, boolean jwtCold) {
		Statistics cpu = Statistics.of(List.of(130.0, 131.0, 129.0, 130.0, 132.0, 128.0));
		return new Comparison(Comparison.SCHEMA, "t", "2026-12-03T10:00", Map.of("instances", 2), "test", valid, List.of(),
				List.of(row("baseline", cpu, baseline, false), row("jwt", cpu, jwt, jwtCold), row("clustered", cpu, jwt, true)),
				List.of(), List.of(), List.of(), List.of(),
				new Comparison.Trial("baseline", 1500, 3, 6, "1", "0", List.of(), List.of(), List.of(), 0.05, 0.03));
	}

	private static Comparison.Row row(String variant, Statistics cpu, MedianInterval ratio, boolean cold) {
		return new Comparison.Row(variant, cpu, cpu, cpu, ratio.median(), ratio.median(), null, null, null, "", "",
				Map.of(), Map.of(), ratio, ratio, cold, null);
	}
}
