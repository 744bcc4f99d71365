package org.authbench.harness.trial;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Before a pinned window, waits while the systems' CPU runs slow, within one budget for the whole
 * trial. A window measured on a slow CPU makes its round slow, and a trial with too few fast
 * rounds is not valid ({@link TrialAnalysis#cpuSpeed}); waiting out a slow stretch costs less
 * than the rounds measured again after it. The stretches here are tens of seconds long: the idle
 * machine's probe, read every 2 s for 8 minutes (2026-12-06, 17:27), ran slow (1.2–1.3× its fast
 * level) for 8–43 s at a time (six stretches), fast in between for 2–24 s and twice for over two
 * minutes.
 *
 * <p>The probe is read once before every window; only when it reads slow does the wait begin,
 * reading it every second until it has read fast {@value #FAST_IN_A_ROW} times in a row (a
 * stretch ends raggedly), or the budget is spent: then the trial measures on, and the window's
 * own probes judge it as before.
 *
 * <p>A measured window whose own probes read slow is set aside and measured again
 * ({@link InterleavedTrial}); its time comes out of the same budget ({@link #spend}), so that
 * {@code --slow-wait} bounds all the time the trial gives to slow stretches.
 */
final class SlowCpuWait {

	/** Fast readings in a row that end a wait. */
	static final int FAST_IN_A_ROW = 3;

	/** Time between readings while waiting. */
	static final Duration POLL = Duration.ofSeconds(1);

	/** How the wait passes time: a sleep, or a test's clock moved on. */
	interface Pause {

		void sleep(Duration time) throws InterruptedException;
	}

	private final DoubleSupplier probe;

	private final Pause pause;

	private long leftMillis;

	private long waitedMillis;

	/**
	 * @param probe the CPU time of the probe's work now, ms ({@code CpuSpeed::sampleMillis})
	 * @param budget the most time the whole trial may wait
	 */
	SlowCpuWait(DoubleSupplier probe, Duration budget, Pause pause) {
		this.probe = probe;
		this.leftMillis = budget.toMillis();
		this.pause = pause;
	}

	/**
	 * Waits, when the probe reads slower than {@code slowFactor} × {@code fastMillis}, until it has
	 * read fast {@value #FAST_IN_A_ROW} times in a row or the budget is spent; says what it did.
	 * @return the time waited before this window, ms (0 when the CPU read fast at once)
	 */
	long before(double fastMillis, double slowFactor, String what, Consumer<String> say) {
		if (this.leftMillis <= 0) {
			return 0;
		}
		double first = this.probe.getAsDouble() / fastMillis;
		if (first <= slowFactor) {
			return 0;
		}
		say.accept("trial: CPU runs slow before %s (its probe %.2f× the fast level): waiting for it to run fast again, at most %d s more"
			.formatted(what, first, (this.leftMillis + 999) / 1000));
		long waited = 0;
		int fastInARow = 0;
		try {
			while (fastInARow < FAST_IN_A_ROW && waited < this.leftMillis) {
				this.pause.sleep(POLL);
				waited += POLL.toMillis();
				fastInARow = this.probe.getAsDouble() / fastMillis <= slowFactor ? fastInARow + 1 : 0;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a fast CPU", ex);
		}
		this.leftMillis -= waited;
		this.waitedMillis += waited;
		say.accept(fastInARow >= FAST_IN_A_ROW ? "trial: CPU fast again after %d s".formatted(waited / 1000)
				: "trial: CPU still slow after %d s; the trial's wait (--slow-wait) is spent: measuring on".formatted(waited / 1000));
		return waited;
	}

	/** Whether any of the budget is left. */
	boolean hasTime() {
		return this.leftMillis > 0;
	}

	/** Spends part of the budget on something other than waiting: a window measured again. */
	void spend(long millis) {
		this.leftMillis -= millis;
	}

	/** Time waited so far, ms. */
	long waitedMillis() {
		return this.waitedMillis;
	}
}
