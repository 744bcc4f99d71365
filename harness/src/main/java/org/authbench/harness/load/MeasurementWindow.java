package org.authbench.harness.load;

import org.authbench.harness.metrics.ProcessCpu;
import org.authbench.harness.metrics.RedisCommandStats;

/**
 * The measurement window of one load run: {@code [start, end)} on the wall clock, after the
 * warm-up, and what CPU and Redis spent in it. {@link RunAnalysis} counts the requests that
 * completed in it; {@link RunFigures.Window} is what the figures record of it.
 *
 * @param startMillis start of the window (the warm-up's end), epoch milliseconds
 * @param endMillis its end
 * @param warmupSeconds how long the warm-up took, from the simulation's start to the window's
 * @param warmupBoundHit the warm-up did not become steady within its bound (measured all the same)
 * @param cpu CPU seconds over the window per process, the load generator as
 * {@link RunAnalysis#LOAD_GENERATOR}, and what could not be counted
 * @param redis what the window cost Redis (or why it is not known); null when no Redis ran
 */
public record MeasurementWindow(long startMillis, long endMillis, double warmupSeconds, boolean warmupBoundHit,
		ProcessCpu.Window cpu, RedisCommandStats.Window redis) {

	/** Its length in seconds. */
	public double seconds() {
		return (this.endMillis - this.startMillis) / 1000.0;
	}
}
