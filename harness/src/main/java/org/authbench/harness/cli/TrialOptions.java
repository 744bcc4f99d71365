package org.authbench.harness.cli;

import java.time.Duration;

import org.authbench.harness.trial.Arrivals;
import org.authbench.harness.trial.TrialTuning;
import picocli.CommandLine.Option;

/**
 * The interleaved trial's options that {@code trial} and {@code compare} share; unset, each keeps
 * the trial settings' own value, which the help gives ({@code OptionDefaultsTests} ties the two).
 */
final class TrialOptions {

	@Option(names = "--rounds", paramLabel = "N",
			description = "Measured rounds of the interleaved trial (default: 10, --quick 6; at least 6 give a 95%% interval).")
	Integer rounds;

	@Option(names = "--arrivals", paramLabel = "PATTERN", defaultValue = "poisson",
			description = "How the trial's paced requests arrive: fixed (each connection waits the same time after each "
					+ "answer: bursts) or poisson (exponential waits: independent arrivals); default: ${DEFAULT-VALUE}.")
	Arrivals arrivals;

	@Option(names = "--warmup-windows", paramLabel = "N",
			description = "At most N warm-up windows per configuration in the trial (default: 40, --quick 45); one not"
					+ " steady by then is measured all the same, shown cold, and the comparison is not valid.")
	Integer warmupWindows;

	@Option(names = "--slow-wait", paramLabel = "DURATION",
			description = "At most this long in all for the trial's slow stretches: waiting, before its pinned windows, for"
					+ " the systems' CPU to run fast again when its speed probe reads slow, and measuring again a window whose"
					+ " own probes read slow (default: 5m, --quick 1m; 0s: neither).")
	Duration slowWait;

	/** What these options change of the trial's settings (checked: a bad value is refused here). */
	TrialTuning tuning() {
		return new TrialTuning(this.rounds, this.arrivals, this.warmupWindows, this.slowWait);
	}
}
