package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.ContainerSettings;
import org.authbench.harness.stack.DockerStack;
import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.StackRuntime;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code authbench up}: starts a stack and prints its URLs; stays in the foreground unless {@code --detach}. */
@Command(name = "up", mixinStandardHelpOptions = true, defaultValueProvider = OptionDefaults.class,
		description = { "Starts redis-server (clustered, jwt), N app instances and nginx, waits until all are healthy, "
				+ "prints the URLs.", "--runtime docker: the same stack as containers (./authbench images) on private "
				+ "networks, ports published on 127.0.0.1.", "Stays in the foreground (Ctrl-C stops everything) unless --detach." })
final class Up implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	VariantStack stack;

	@Option(names = "--detach", description = "Return once the stack is up; stop it later with: authbench down.")
	boolean detach;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = this.spec.commandLine().getOut();
		StackSpec stackSpec = this.stack.stackSpec();
		StackRuntime stack = StackRuntime.of(this.stack.runtime(), out);
		Path runDir = stackSpec.runDir();
		// Ctrl-C or SIGTERM: the runtime's shutdown hook brings down what this JVM started.
		StackState state = stack.up(stackSpec);
		printUrls(out, stackSpec, state, stack instanceof DockerStack);
		if (this.detach) {
			StackRuntime.detach(runDir);
			out.println("Detached. Stop it with: ./authbench down");
			return 0;
		}
		out.println("Running in the foreground: Ctrl-C stops everything (or ./authbench down from another terminal).");
		out.flush();
		while (StackState.load(runDir).isPresent()) {
			Thread.sleep(1000);
		}
		out.println("The stack was brought down from elsewhere.");
		return 0;
	}

	private static void printUrls(PrintWriter out, StackSpec spec, StackState state, boolean docker) {
		out.printf("%nStack up: %s, %d instance(s), nginx mode %s, apps %s%n", spec.variant(), spec.instances(),
				spec.lb(), docker ? "in containers of " + ContainerSettings.image(spec.variant().module())
						: "on " + spec.javaBinary());
		out.printf("  %-6s %-24s send requests here%n", "nginx", state.url());
		for (Member member : state.members()) {
			if (member.role() == Member.Role.APP) {
				out.printf("  %-6s %-24s pid %d, X-Instance-Id %s%n", member.name(), "http://127.0.0.1:" + member.port(),
						member.pid(), member.env().get("AUTHBENCH_INSTANCE_ID"));
			}
			else if (member.role() == Member.Role.REDIS) {
				out.printf("  %-6s %-24s pid %d, persistence %s%n", member.name(), "127.0.0.1:" + member.port(),
						member.pid(), spec.redisPersistence() ? "aof" : "off");
			}
			else if (member.role() == Member.Role.SENTINEL) {
				out.printf("  %-6s %-24s pid %d%n", member.name(), "127.0.0.1:" + member.port(), member.pid());
			}
		}
		out.printf("  %-6s %s (nginx access log: access.json)%n", "logs", spec.runDir().resolve("logs"));
		out.printf("  %-6s %s%n", "state", spec.stateFile());
		out.flush();
	}
}
