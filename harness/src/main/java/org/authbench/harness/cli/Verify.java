package org.authbench.harness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.stack.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code authbench verify}: the API contract checked through nginx; exit code 1 when a check fails. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "Checks the API contract through nginx: login, /api/me with and without credential, "
				+ "admin 403/200, logout revokes, X-Instance-Id, JSON 404.",
				"Defaults come from the running stack; exit code 1 when a check fails." })
final class Verify implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RunFolder folder;

	@Option(names = "--port", description = "nginx's port (default: the running stack's).")
	Integer port;

	@Option(names = "--variant", description = "The variant behind it (default: the running stack's).")
	Variant variant;

	@Option(names = "--lb", description = "nginx's mode (default: the running stack's).")
	LbMode lb;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		StackState state = StackState.load(this.folder.runDir()).orElse(null);
		if (state == null && (this.port == null || this.variant == null)) {
			state = this.folder.requireState();
		}
		Variant target = this.variant != null ? this.variant : state.variantType();
		LbMode mode = this.lb != null ? this.lb : state != null ? state.lbMode() : target.defaultLb();
		int nginxPort = this.port != null ? this.port : state.port();
		String url = "http://127.0.0.1:" + nginxPort;
		out.printf("verify %s (%s, nginx mode %s)%n", url, target, mode);
		var result = org.authbench.harness.verify.Verify.run(url,
				org.authbench.harness.verify.Verify.Target.of(target, mode, state));
		result.print(out);
		return result.passed() ? 0 : 1;
	}
}
