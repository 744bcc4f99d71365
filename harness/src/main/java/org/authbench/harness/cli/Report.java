package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.authbench.harness.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code authbench report DIR}: renders report.html and report.md again from a result's summary.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Renders report.html and report.md again from DIR/summary.json (a comparison or a single run).")
final class Report implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "DIR", description = "A results folder holding summary.json.")
	Path dir;

	@Option(names = "--rebuild", description = "Make a comparison's summary.json again from its runs' own results "
			+ "with this authbench (for results written by an older one), then render.")
	boolean rebuild;

	@Override
	public Integer call() {
		if (!Files.isRegularFile(this.dir.resolve("summary.json"))) {
			throw new IllegalArgumentException("no summary.json in " + this.dir.toAbsolutePath());
		}
		Reports.write(this.dir, this.rebuild ? Reports.rebuilt(this.dir) : Reports.comparisonOf(this.dir));
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf("%s%n%s%n", this.dir.resolve("report.html").toAbsolutePath(), this.dir.resolve("report.md").toAbsolutePath());
		return 0;
	}
}
