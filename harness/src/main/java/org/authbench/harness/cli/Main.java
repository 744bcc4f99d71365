package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.authbench.harness.env.Version;
import org.authbench.harness.stack.ChaosAction;
import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.Variant;
import org.authbench.harness.trial.Arrivals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code authbench} command: {@code up}, {@code down}, {@code status}, {@code chaos},
 * {@code verify}. {@link #run} returns the exit code (tests call it); {@link #main} exits with it.
 */
@Command(name = "authbench", mixinStandardHelpOptions = true, versionProvider = Main.AuthbenchVersion.class,
		description = "Starts, watches, breaks and checks a stack: N instances of one variant behind nginx, with Redis.",
		subcommands = { Up.class, Down.class, Status.class, Chaos.class, Verify.class, Run.class, Compare.class,
				Report.class, Diff.class, Trial.class, Archives.class })
public final class Main implements Runnable {

	@Spec
	CommandSpec spec;

	/** {@code authbench --version}: the root pom's version, as the build wrote it in. */
	static final class AuthbenchVersion implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "authbench " + Version.current() };
		}
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command: up, down, status, chaos, verify, run, compare, report or diff");
	}

	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine cli = configure(new CommandLine(new Main()));
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof StackException || ex instanceof IllegalArgumentException) {
				err.println("authbench " + command.getCommandName() + ": " + ex.getMessage());
				err.flush();
				return 1;
			}
			throw ex;
		});
		int code = cli.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	/** The command line (and its subcommands) with the converters of authbench's own option types. */
	static CommandLine configure(CommandLine cli) {
		cli.registerConverter(Variant.class, Variant::parse);
		cli.registerConverter(Setup.class, Setup::parse);
		cli.registerConverter(LbMode.class, LbMode::parse);
		cli.registerConverter(Arrivals.class, Arrivals::parse);
		cli.registerConverter(ChaosAction.class, ChaosAction::parse);
		cli.registerConverter(Duration.class, Main::duration);
		return cli;
	}

	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** {@code 500ms}, {@code 3s}, {@code 2m}, or an ISO-8601 duration. */
	static Duration duration(String text) {
		String value = text.trim().toLowerCase();
		try {
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			if (value.endsWith("s")) {
				return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
			}
			if (value.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
			}
			return Duration.parse(text);
		}
		catch (RuntimeException ex) {
			throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (e.g. 500ms, 3s, 2m)");
		}
	}
}
