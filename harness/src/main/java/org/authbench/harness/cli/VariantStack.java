package org.authbench.harness.cli;

import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The stack a verb starts for one variant ({@code up}, {@code run}): {@code --variant}, the
 * folders ({@link RunFolder}) and the stack options ({@link StackOptions}).
 */
final class VariantStack {

	@Mixin
	RunFolder folder;

	@Option(names = "--variant", required = true, paramLabel = "VARIANT", completionCandidates = Configurations.class,
			description = "A variant or a configuration of one: ${COMPLETION-CANDIDATES}.")
	Setup variant;

	@Mixin
	StackOptions options;

	/** The stack the options describe, with the configuration's own settings on top. */
	StackSpec stackSpec() {
		return this.variant.apply(this.options.stackSpec(this.folder, this.variant.variant()));
	}

	/** {@code native} or {@code docker} ({@code --runtime}). */
	String runtime() {
		return this.options.runtime;
	}
}
