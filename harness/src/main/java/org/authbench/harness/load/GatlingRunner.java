package org.authbench.harness.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a simulation of the {@code gatling} module in its own JVM. Gatling 3.11+ has no
 * programmatic launcher: this is {@code java … io.gatling.app.Gatling -s <class> -rf <dir>},
 * with the classpath the gatling module's build writes to {@code target/gatling-classpath.txt}.
 * The JVM flags are the ones Gatling's Maven plugin uses (the binary log writer needs the
 * add-opens on JDK 17).
 * <p>
 * A simulation ends with the command that started it: when the harness is stopped (Ctrl-C,
 * SIGTERM) while one runs, a shutdown hook ends it too, as {@code StartedStacks} brings the
 * stacks down (seen: a reference run stopped by SIGTERM left its Gatling JVM loading nothing
 * for the rest of its 50-s timeline).
 */
public final class GatlingRunner {

	/** Gatling's exit code when an assertion of the simulation failed. */
	public static final int ASSERTION_FAILED = 2;

	/** The JVM options of Gatling's own Maven plugin; the add-opens keep the binary log writer alive on JDK 17. */
	public static final List<String> JVM_OPTIONS = List.of("-Xmx1G", "--add-opens=java.base/java.lang=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

	/** Gatling's launcher: {@code -s <simulation class> -rf <results folder>}. */
	public static final String MAIN_CLASS = "io.gatling.app.Gatling";

	/** Where the simulations are: their class names are this plus {@link Scenario#simulation()}. */
	public static final String SIMULATION_PACKAGE = "org.authbench.gatling";

	/** The simulations this JVM started that are still running. */
	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "authbench-stop-gatling"));
	}

	private final Path repo;

	private final Path javaHome;

	public GatlingRunner(Path repo, Path javaHome) {
		this.repo = repo;
		this.javaHome = javaHome;
	}

	/** A started simulation: its process, and where it writes. */
	public record Started(Process process, Path metricsDir, Path log) {

		public long pid() {
			return this.process.pid();
		}
	}

	/**
	 * @param simulation simple class name in {@code org.authbench.gatling}, e.g. {@code SteadySimulation}
	 * @param properties the simulation's knobs ({@code baseUrl}, {@code credential}, {@code ladder}, …)
	 * @param jvmOptions options of its JVM after {@link #JVM_OPTIONS}, often none
	 * @param runDir the run's folder: Gatling's report goes to {@code gatling/}, metrics to {@code metrics/}
	 */
	public Started start(String simulation, Map<String, String> properties, List<String> jvmOptions, Path runDir) {
		Path metricsDir = runDir.resolve("metrics");
		Path log = runDir.resolve("logs").resolve("gatling.log");
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command(simulation, properties, jvmOptions, runDir, metricsDir))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			RUNNING.add(process);
			process.onExit().thenRun(() -> RUNNING.remove(process));
			return new Started(process, metricsDir, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start Gatling", ex);
		}
	}

	List<String> command(String simulation, Map<String, String> properties, List<String> jvmOptions, Path runDir,
			Path metricsDir) {
		List<String> command = new ArrayList<>();
		command.add(this.javaHome.resolve("bin").resolve("java").toString());
		command.addAll(JVM_OPTIONS);
		command.addAll(jvmOptions);
		properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
		command.add("-DmetricsDir=" + metricsDir);
		command.add("-cp");
		command.add(classpath());
		command.add(MAIN_CLASS);
		command.add("-s");
		command.add(SIMULATION_PACKAGE + "." + simulation);
		command.add("-rf");
		command.add(runDir.resolve("gatling").toString());
		return command;
	}

	private String classpath() {
		Path module = this.repo.resolve("gatling").resolve("target");
		Path dependencies = module.resolve("gatling-classpath.txt");
		if (!Files.isRegularFile(dependencies) || !Files.isDirectory(module.resolve("test-classes"))) {
			throw new IllegalStateException("The gatling module is not built (" + dependencies
					+ " is missing). Build it: ./mvnw -B -q -DskipTests package");
		}
		try {
			return module.resolve("test-classes") + java.io.File.pathSeparator + Files.readString(dependencies).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
