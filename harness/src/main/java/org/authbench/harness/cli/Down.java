package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.StackRuntime;
import org.authbench.harness.stack.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code authbench down}: stops every process of the running stack by PID and checks they are gone. */
@Command(name = "down", mixinStandardHelpOptions = true,
		description = "Stops nginx, the app instances and Redis (by PID, never by name) and checks that each is gone.")
final class Down implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		var state = StackState.load(this.folder.runDir());
		if (state.isEmpty()) {
			out.println("No stack is running from " + this.folder.runDir() + "; nothing to stop.");
			return 0;
		}
		StackRuntime.of(this.folder.runDir(), out).down(state.get());
		out.println("Stack down: every process is gone.");
		return 0;
	}
}
