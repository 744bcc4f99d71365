package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.ChaosAction;
import org.authbench.harness.stack.StackRuntime;
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
				"  start and restart wait until it is healthy.",
				"Docker runtime (up --runtime docker) only: partition app-N redis = cut the instance off Redis's",
				"  network (nginx still reaches it), heal app-N redis = join it again." })
final class Chaos implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Parameters(index = "0", paramLabel = "ACTION", description = "kill | freeze | thaw | start | restart | partition | heal")
	ChaosAction action;

	@Parameters(index = "1", paramLabel = "TARGET", description = "app-N | redis; with Redis HA also redis-1, redis-2, sentinel-N and redis-primary (= redis: the "
					+ "primary a Sentinel names when the action runs; for start the Redis node that is down, for thaw the frozen one)")
	String target;

	@Parameters(index = "2", arity = "0..1", paramLabel = "PEER",
			description = "partition and heal only: what TARGET is cut off from (redis)")
	String peer;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		boolean cuts = this.action == ChaosAction.PARTITION || this.action == ChaosAction.HEAL;
		if (cuts != (this.peer != null) || (cuts && !"redis".equals(this.peer))) {
			throw new IllegalArgumentException(cuts ? "chaos " + this.action + " needs the peer: chaos " + this.action
					+ " app-N redis" : "chaos " + this.action + " takes one target, not '" + this.peer + "'");
		}
		StackRuntime.of(this.folder.runDir(), out).chaos(this.folder.requireState(), this.action, this.target);
		return 0;
	}
}
