package org.authbench.harness.cli;

import org.authbench.harness.load.LoadDefaults;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The defaults of the load options ({@code --population}, {@code --mix}, the warm-up), from {@link LoadDefaults}. */
final class LoadDefaultValues implements IDefaultValueProvider {

	@Override
	public String defaultValue(ArgSpec argSpec) {
		if (!(argSpec instanceof OptionSpec option)) {
			return null;
		}
		return switch (option.longestName()) {
			case "--population" -> String.valueOf(LoadDefaults.population());
			case "--mix" -> LoadDefaults.mix();
			case "--warmup-window" -> LoadDefaults.warmupWindow().toSeconds() + "s";
			case "--warmup-max" -> LoadDefaults.warmupMax().toSeconds() + "s";
			default -> null;
		};
	}
}
