package org.authbench.harness.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.authbench.testsupport.FreePorts;

/** Stacks for the integration tests: free ports, a temporary run folder, cheap logins, quick JVMs. */
public final class TestStacks {

	/** Start-up flags that make a JVM start faster on 2 shared cores; the apps behave the same. */
	public static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/** The heap of a test's instances: enough for the apps, and many fit at once. */
	public static final String QUICK_HEAP = "256m";

	private TestStacks() {
	}

	/** The project folder (set by the harness pom), with the app jars and nginx/. */
	public static Path home() {
		return Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();
	}

	public static StackSpec.Builder spec(Variant variant, int instances) {
		StackSpec.Builder builder = StackSpec.builder(variant, home())
			.instances(instances)
			.port(FreePorts.next())
			.appPorts(IntStream.range(0, instances).mapToObj(i -> FreePorts.next()).toList())
			.redisPort(FreePorts.next())
			.runDir(tempDir())
			.hashCost(4)
			.heap(QUICK_HEAP);
		QUICK_JVM.forEach(builder::jvmOption);
		return builder;
	}

	public static Stack stack() {
		return new Stack(new PrintWriter(System.out, true));
	}

	public static Path tempDir() {
		try {
			return Files.createTempDirectory("authbench-stack-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Brings the stack down if it is still up; for @AfterAll. */
	public static void down(StackState state) {
		if (state != null) {
			StackState.load(Path.of(state.runDir())).ifPresent(stack()::down);
		}
	}
}
