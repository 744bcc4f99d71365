package org.authbench.harness.trial;

import java.time.Duration;

import static java.util.Objects.requireNonNullElse;

/**
 * What a user may change of an interleaved trial's settings, the same for {@code trial} and
 * {@code compare}; each null keeps the settings' own ({@link TrialSettings#quick} or
 * {@link TrialSettings#full}). Checked when made, so that {@code compare} refuses a bad value
 * before any stack starts.
 *
 * @param rounds measured rounds (at least 1)
 * @param arrivals how the paced windows' requests arrive
 * @param warmupWindows warm-up windows per configuration at most (at least 2)
 * @param slowWait the most time the trial gives to slow stretches (not negative)
 */
public record TrialTuning(Integer rounds, Arrivals arrivals, Integer warmupWindows, Duration slowWait) {

	/** Nothing changed. */
	public static final TrialTuning NONE = new TrialTuning(null, null, null, null);

	public TrialTuning {
		if (rounds != null) {
			TrialSettings.checkRounds(rounds);
		}
		if (warmupWindows != null) {
			TrialSettings.checkWarmupWindows(warmupWindows);
		}
		if (slowWait != null) {
			TrialSettings.checkSlowWait(slowWait);
		}
	}

	/** {@code settings} with what is given here. */
	public TrialSettings applyTo(TrialSettings settings) {
		return new TrialSettings(settings.window(), settings.warmupWindow(),
				requireNonNullElse(this.warmupWindows, settings.maxWarmupWindows()), settings.tolerance(),
				requireNonNullElse(this.rounds, settings.rounds()), settings.threads(), settings.connections(),
				settings.warmupConnections(), settings.users(), settings.mix(), settings.rate(),
				requireNonNullElse(this.arrivals, settings.arrivals()), settings.pin(), settings.seed(),
				requireNonNullElse(this.slowWait, settings.slowWait()));
	}
}
