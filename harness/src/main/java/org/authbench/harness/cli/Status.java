package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.MemberStatus;
import org.authbench.harness.stack.StackRuntime;
import org.authbench.harness.stack.StackState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code authbench status}: each process of the running stack, its port, PID, state and health. */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Shows each process of the running stack: port, PID, running/frozen/gone, health;",
				"with Redis HA (clustered-ha, jwt-ha) also which Redis node a Sentinel names the primary.",
				"Exit code 0 when every process is healthy, 1 otherwise." })
final class Status implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		StackState state = this.folder.requireState();
		List<MemberStatus> members = StackRuntime.of(this.folder.runDir(), out).status(state);
		out.printf("Stack %s, nginx mode %s, %s (run folder %s)%n", state.variant(), state.lb(), state.url(),
				state.runDir());
		out.printf("  %-10s %-6s %-8s %-8s %s%n", "NAME", "PORT", "PID", "STATE", "HEALTH");
		for (MemberStatus member : members) {
			out.printf("  %-10s %-6d %-8s %-8s %s%n", member.name(), member.port(),
					member.pid() > 0 ? String.valueOf(member.pid()) : "-", member.state(), member.health());
		}
		if (state.members().stream().anyMatch(member -> member.role() == Member.Role.SENTINEL)) {
			out.printf("Redis primary: %s%n", state.redisPrimary().orElse("unknown: no Sentinel answers"));
		}
		out.flush();
		return members.stream().allMatch(MemberStatus::isUp) ? 0 : 1;
	}
}
