package org.authbench.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	@Test
	void inlinesTheEChartsVersionTheRootPomPins() throws IOException {
		Matcher pinned = Pattern.compile("<echarts.version>([^<]+)</echarts.version>")
			.matcher(Files.readString(HOME.resolve("pom.xml")));

		assertThat(pinned.find()).as("echarts.version in the root pom").isTrue();
		assertThat(HtmlReport.ECHARTS).isEqualTo("/META-INF/resources/webjars/echarts/" + pinned.group(1)
				+ "/dist/echarts.min.js");
		assertThat(HtmlReport.class.getResource(HtmlReport.ECHARTS)).isNotNull();
	}
}
