package org.authbench.harness.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.Variant;
import picocli.CommandLine.Option;

/**
 * The options that say how to start a stack, shared by {@code up}, {@code run}, {@code compare},
 * {@code trial}; their defaults are {@link StackSpec}'s own ({@link OptionDefaults}).
 */
final class StackOptions {

	@Option(names = "--runtime", defaultValue = "native", paramLabel = "RUNTIME",
			description = "native (processes on this host, the default) | docker (containers of ./authbench images "
					+ "on private networks, any Docker host; adds chaos partition)")
	String runtime;

	@Option(names = "--instances", paramLabel = "N", description = "App instances (default: ${DEFAULT-VALUE}).")
	int instances;

	@Option(names = "--lb", paramLabel = "MODE",
			description = "sticky | round-robin | gateway | gateway-njs (default: sticky for the sticky variant, "
					+ "round-robin otherwise; the gateway modes need --variant jwt).")
	LbMode lb;

	@Option(names = "--port", description = "nginx's port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--app-port", paramLabel = "PORT",
			description = "Port of app-1; app-N gets PORT+N-1 (default: ${DEFAULT-VALUE}).")
	int appPort;

	@Option(names = "--redis-port", paramLabel = "PORT", description = "Redis's port (default: ${DEFAULT-VALUE}).")
	int redisPort;

	@Option(names = "--java-home", paramLabel = "DIR", description = "JDK that runs the apps (default: the one running authbench).")
	Path javaHome;

	@Option(names = "--heap", paramLabel = "SIZE",
			description = "Every instance's fixed heap, -Xms = -Xmx, e.g. 512m (default: ${DEFAULT-VALUE}; 'jvm': the JVM's own "
					+ "sizing). Change the heap here, not with --jvm-opt: a smaller -Xmx there fails the start against this -Xms.")
	String heap;

	@Option(names = "--jvm-opt", paramLabel = "OPTION", description = "Extra JVM option for every instance (repeatable).")
	List<String> jvmOptions = new ArrayList<>();

	@Option(names = "--hash-cost", defaultValue = "0", paramLabel = "ROUNDS",
			description = "BCrypt log rounds of the instances (AUTHBENCH_HASH_COST; default: the apps' own, 10).")
	int hashCost;

	@Option(names = "--app-env", paramLabel = "NAME=VALUE", description = "Extra environment for every instance (repeatable).")
	List<String> appEnv = new ArrayList<>();

	@Option(names = "--connect-timeout", paramLabel = "DURATION",
			description = "nginx → instance connect timeout (default: ${DEFAULT-VALUE}).")
	Duration connectTimeout;

	@Option(names = "--read-timeout", paramLabel = "DURATION",
			description = "nginx → instance read timeout: how long a frozen instance holds a request (default: ${DEFAULT-VALUE}).")
	Duration readTimeout;

	@Option(names = "--tries", description = "Instances nginx tries for one request at most (default: ${DEFAULT-VALUE}).")
	int tries;

	@Option(names = "--fail-timeout", paramLabel = "DURATION",
			description = "How long nginx leaves a failed instance alone (default: ${DEFAULT-VALUE}).")
	Duration failTimeout;

	@Option(names = "--max-fails", paramLabel = "N",
			description = "Failures within --fail-timeout before nginx leaves an instance alone (default: ${DEFAULT-VALUE}).")
	int maxFails;

	@Option(names = "--redis-persistence", description = "Append-only file on: sessions survive a Redis restart (default: off).")
	boolean redisPersistence;

	@Option(names = "--start-timeout", paramLabel = "DURATION",
			description = "How long to wait for each process to be healthy (default: ${DEFAULT-VALUE}).")
	Duration startTimeout;

	StackSpec stackSpec(RunFolder folder, Variant variant) {
		StackSpec.Builder builder = StackSpec.builder(variant, folder.home())
			.runDir(folder.runDir())
			.instances(this.instances)
			.lb(this.lb)
			.port(this.port)
			.firstAppPort(this.appPort)
			.redisPort(this.redisPort)
			.heap(this.heap)
			.hashCost(this.hashCost)
			.connectTimeout(this.connectTimeout)
			.readTimeout(this.readTimeout)
			.tries(this.tries)
			.failTimeout(this.failTimeout)
			.maxFails(this.maxFails)
			.redisPersistence(this.redisPersistence)
			.startTimeout(this.startTimeout);
		if (this.javaHome != null) {
			builder.javaHome(this.javaHome.toAbsolutePath());
		}
		this.jvmOptions.forEach(builder::jvmOption);
		for (String pair : this.appEnv) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("--app-env needs NAME=VALUE, got '" + pair + "'");
			}
			builder.appEnv(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return builder.build();
	}
}
