package org.authbench.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.authbench.harness.report.ResultDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code authbench diff A B}: two results figure by figure, with significance. */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = { "Compares two results (runs or comparisons) figure by figure. A difference is significant "
				+ "when the 95%% confidence intervals do not overlap; with one repeat there is no interval to judge by." })
final class Diff implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "A", description = "A results folder (holding summary.json).")
	Path a;

	@Parameters(index = "1", paramLabel = "B", description = "Another results folder.")
	Path b;

	@Override
	public Integer call() {
		for (Path dir : List.of(this.a, this.b)) {
			if (!Files.isRegularFile(dir.resolve("summary.json"))) {
				throw new IllegalArgumentException("no summary.json in " + dir.toAbsolutePath());
			}
		}
		List<ResultDiff.Line> lines = ResultDiff.diff(ResultDiff.figures(this.a), ResultDiff.figures(this.b));
		ResultDiff.caveats(this.a, this.b).forEach(this.spec.commandLine().getOut()::println);
		this.spec.commandLine().getOut().print(ResultDiff.render(lines));
		return 0;
	}
}
