package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.ChaosAction;
import org.authbench.harness.stack.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code authbench chaos ACTION TARGET}: breaks or repairs one process of the running stack. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
		description = { "Acts on one process of the running stack, from any terminal:",
				"  kill = SIGKILL, freeze = SIGSTOP, thaw = SIGCONT,",
				"  start = start it again (same port and settings), restart = stop (SIGTERM) and start;",
				"  start and restart wait until it is healthy." })
final class Chaos implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Parameters(index = "0", paramLabel = "ACTION", description = "kill | freeze | thaw | start | restart")
	ChaosAction action;

	@Parameters(index = "1", paramLabel = "TARGET", description = "app-N | redis")
	String target;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		new Stack(out).chaos(this.folder.requireState(), this.action, this.target);
		return 0;
	}
}
