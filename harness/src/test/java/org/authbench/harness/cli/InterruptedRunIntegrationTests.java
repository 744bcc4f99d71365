package org.authbench.harness.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.authbench.harness.RunsAlone;
import org.authbench.harness.env.Version;
import org.authbench.testsupport.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command stopped in the middle (Ctrl-C, SIGTERM) leaves no process of its stacks behind: the
 * harness runs as its own process, a trial starts a stack, the harness gets SIGTERM, and every
 * app and nginx it started must be gone.
 */
@RunsAlone
class InterruptedRunIntegrationTests {

	static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	@Test
	void sigtermDuringATrialBringsItsStackDown(@TempDir Path dir) throws IOException, InterruptedException {
		sigtermLeavesNothing(dir, "warm-up", "trial", "--variants", "baseline", "--quick", "--out", dir.toString());
	}

	@Test
	void sigtermToAStackInTheForegroundBringsItDown(@TempDir Path dir) throws IOException, InterruptedException {
		sigtermLeavesNothing(dir, "Running in the foreground", "up", "--variant", "baseline");
	}

	@Test
	void sigtermDuringALoadRunEndsItsSimulationToo(@TempDir Path dir) throws IOException, InterruptedException {
		// The simulation's JVM is among the processes that must be gone (a java command line).
		sigtermLeavesNothing(dir, "warm-up window 1", "run", "--variant", "baseline", "--scenario", "steady", "--rate",
				"50", "--duration", "60s", "--out", dir.toString());
	}

	/** Runs the harness with these arguments, sends SIGTERM once its output says {@code when}, checks the stack is gone. */
	private static void sigtermLeavesNothing(Path dir, String when, String... args) throws IOException, InterruptedException {
		Path log = dir.resolve("harness.out");
		Process harness = harness(dir, log, args);
		try {
			List<ProcessHandle> started = Awaitility.await("the stack is up and the harness says: " + when)
				.atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> Files.readString(log).contains(when)
						? harness.descendants().filter(InterruptedRunIntegrationTests::ofTheStack).toList() : List.of(),
						processes -> processes.stream().anyMatch(p -> command(p).contains("nginx")));

			List<String> commands = started.stream().map(InterruptedRunIntegrationTests::command).toList();

			harness.destroy(); // SIGTERM

			assertThat(harness.waitFor(60, TimeUnit.SECONDS)).as("the harness ended").isTrue();
			assertThat(commands).anyMatch(line -> line.contains("baseline-app")).anyMatch(line -> line.contains("nginx"));
			Awaitility.await("every process of the stack is gone")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
			assertThat(Files.readString(log)).contains("stopping the stack in");
		}
		finally {
			harness.destroyForcibly();
			harness.descendants().forEach(ProcessHandle::destroyForcibly);
		}
	}

	/** Starts the harness jar with these arguments, a run folder in {@code dir} and free ports; output into {@code log}. */
	static Process harness(Path dir, Path log, String... args) throws IOException {
		Path jar = HOME.resolve("harness/target/harness-" + Version.current() + ".jar");
		assertThat(jar).as("the harness jar (built by the package phase)").exists();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		command.addAll(List.of("--home", HOME.toString(), "--run-dir", dir.resolve("run").toString(), "--port",
				String.valueOf(FreePorts.next()), "--app-port", String.valueOf(FreePorts.next()), "--jvm-opt",
				"-XX:TieredStopAtLevel=1", "--heap", "256m"));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static boolean ofTheStack(ProcessHandle process) {
		String command = command(process);
		return command.contains("nginx") || command.contains("-app-") || command.contains(File.separator + "java");
	}

	private static String command(ProcessHandle process) {
		Optional<String> line = process.info().commandLine();
		return line.orElse(process.info().command().orElse(""));
	}
}
