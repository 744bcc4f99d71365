package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.ClassDataArchive;
import org.authbench.harness.stack.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code authbench archives}: makes the apps' class-data archives (the build runs it). */
@Command(name = "archives", mixinStandardHelpOptions = true,
		description = { "Makes each app's class-data archive (AppCDS) unless it is current: the jar extracted into"
				+ " <module>/target/cds and the classes of one start dumped beside it. Apps then start in about half"
				+ " the time. ./authbench runs this after every build; a stack makes a missing one itself.",
				"AUTHBENCH_CDS=off starts every app from its jar instead." })
final class Archives implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ProjectFolder folder;

	@Option(names = "--java-home", paramLabel = "DIR", description = "JDK that runs the apps (default: the one"
			+ " running authbench).")
	Path javaHome = Path.of(System.getProperty("java.home"));

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		if (!ClassDataArchive.enabled(System.getenv())) {
			out.println("AUTHBENCH_CDS=off: no class-data archives made.");
			return 0;
		}
		int current = ClassDataArchive.prepareAll(this.folder.home(), this.javaHome.resolve("bin").resolve("java"), line -> {
			out.println(line);
			out.flush();
		});
		out.printf("%d of %d apps have a current class-data archive.%n", current, Variant.all().size());
		return 0;
	}
}
