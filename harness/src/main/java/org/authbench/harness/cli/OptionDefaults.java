package org.authbench.harness.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import org.authbench.harness.load.LoadDefaults;
import org.authbench.harness.stack.Catalogue;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the options every command shares, from the one place each is kept: the load
 * options ({@code --population}, {@code --mix}, the warm-up) from {@link LoadDefaults}, the
 * stack options ({@code --instances}, the ports, nginx's timeouts, …) from {@link StackSpec}'s
 * builder, {@code --variants} from the catalogue's list named after the command. {@code --help}
 * shows them as a user writes them (5s, 8080).
 */
final class OptionDefaults implements IDefaultValueProvider {

	/** A stack built from nothing but the builder's defaults (the variant does not change them). */
	private static final StackSpec STACK = StackSpec.builder(Catalogue.current().reference(), Path.of(".")).build();

	@Override
	public String defaultValue(ArgSpec argSpec) {
		if (!(argSpec instanceof OptionSpec option)) {
			return null;
		}
		return switch (option.longestName()) {
			case "--population" -> String.valueOf(LoadDefaults.population());
			case "--mix" -> LoadDefaults.mix();
			case "--warmup-window" -> text(LoadDefaults.warmupWindow());
			case "--warmup-max" -> text(LoadDefaults.warmupMax());
			case "--instances" -> String.valueOf(STACK.instances());
			case "--port" -> String.valueOf(STACK.port());
			case "--app-port" -> String.valueOf(STACK.appPorts().get(0));
			case "--redis-port" -> String.valueOf(STACK.redisPort());
			case "--heap" -> STACK.heap();
			case "--connect-timeout" -> text(STACK.connectTimeout());
			case "--read-timeout" -> text(STACK.readTimeout());
			case "--tries" -> String.valueOf(STACK.tries());
			case "--fail-timeout" -> text(STACK.failTimeout());
			case "--max-fails" -> String.valueOf(STACK.maxFails());
			case "--start-timeout" -> text(STACK.startTimeout());
			case "--variants" -> configurations(option.command().name());
			default -> null;
		};
	}

	/** The catalogue's list of configurations named after the command ({@code compare}, {@code trial}), if any. */
	private static String configurations(String command) {
		return Catalogue.current().sets().containsKey(command)
				? Catalogue.current().set(command).stream().map(Setup::id).collect(Collectors.joining(",")) : null;
	}

	/** {@code 5s}, or {@code 500ms} below whole seconds: what {@link Main#duration} reads. */
	static String text(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}
}
