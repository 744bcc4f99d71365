package org.authbench.gatling;

import java.time.Duration;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The time line of one run: an adaptive warm-up, then the ladder steps. Warm-up runs at the
 * first ladder step in windows; it ends (or at the bound, which the run then reports):
 * <ul>
 * <li>closed model: when two consecutive windows' successful request counts agree within 5%;</li>
 * <li>open model: when a window's successful requests are within 5% of what was offered in it
 * (rate × window): the system keeps up with its load. Two windows of a paced load rarely agree
 * within 5% while users log in and then catch up on their missed slots (seen: 782, 873, 932 at
 * 900 offered), which made warm-ups that had long kept up hit their bound. In the warm-up a user
 * that fell behind skips its missed slots ({@link Workload#nextSlot}), so no catching up inflates
 * a window, nor reaches into the measurement.</li>
 * </ul>
 * Steps follow, each {@code stepDuration} long; the harness may lengthen the last one while a
 * drill's event is still running near its end ({@link #extendLastStep}, from the file
 * {@value #EXTENSION_FILE} in the metrics folder). All times are nanoTime values.
 */
final class Phases {

	static final double WARMUP_AGREEMENT = 0.05;

	/**
	 * The file in the metrics folder in which the harness asks for a longer last step: the
	 * milliseconds to add, as text. A drill's restart that outlasts its window would otherwise end
	 * the load before the instance is back, and the run would see no recovery.
	 */
	static final String EXTENSION_FILE = "extend-last-step-millis";

	/** The most the last step may be lengthened, within the slack {@link AuthbenchSimulation} gives the run. */
	static final Duration MAX_EXTENSION = Duration.ofSeconds(30);

	private final LoadSettings settings;

	private final long startNanos;

	/** Successful requests a window should hold in the open model, or -1 in the closed model. */
	private final long offeredPerWindow;

	private volatile long warmupEndNanos = Long.MAX_VALUE;

	private volatile boolean warmupBoundHit;

	private volatile long extensionNanos;

	private volatile long lastWindowOk = -1;

	private long windowStartNanos;

	Phases(LoadSettings settings, long startNanos, Workload.Model model) {
		this.settings = settings;
		this.startNanos = startNanos;
		this.windowStartNanos = startNanos;
		this.offeredPerWindow = model == Workload.Model.OPEN
				? Math.round(settings.ladder().get(0) * settings.warmupWindow().toMillis() / 1000.0) : -1;
	}

	/**
	 * Called about once a second with the successful request count since start; closes a
	 * warm-up window when one is due. Returns the window's count when one closed, else -1.
	 * @param okBetween counts OK requests completed between two nanoTime values
	 */
	synchronized long tick(long now, LongUnaryOperator okBetween) {
		if (warmedUp(now) || now - this.windowStartNanos < this.settings.warmupWindow().toNanos()) {
			return -1;
		}
		long windowEnd = this.windowStartNanos + this.settings.warmupWindow().toNanos();
		long ok = okBetween.applyAsLong(windowEnd);
		boolean agrees = this.offeredPerWindow > 0
				? Math.abs(ok - this.offeredPerWindow) <= WARMUP_AGREEMENT * this.offeredPerWindow
				: this.lastWindowOk > 0
						&& Math.abs(ok - this.lastWindowOk) <= WARMUP_AGREEMENT * Math.max(ok, this.lastWindowOk);
		boolean bound = windowEnd - this.startNanos >= this.settings.warmupMax().toNanos();
		if (agrees || bound) {
			this.warmupBoundHit = !agrees;
			this.warmupEndNanos = windowEnd;
		}
		this.lastWindowOk = ok;
		this.windowStartNanos = windowEnd;
		return ok;
	}

	boolean warmedUp(long now) {
		return now >= this.warmupEndNanos;
	}

	boolean warmupBoundHit() {
		return this.warmupBoundHit;
	}

	long warmupEndNanos() {
		return this.warmupEndNanos;
	}

	long windowStartNanos() {
		return this.windowStartNanos;
	}

	/** -1 during warm-up, then 0 … ladder size - 1; ladder size once finished. */
	int step(long now) {
		if (!warmedUp(now)) {
			return -1;
		}
		int steps = this.settings.ladder().size();
		if (now - this.warmupEndNanos >= steps * this.settings.stepDuration().toNanos() + this.extensionNanos) {
			return steps;
		}
		return (int) Math.min(steps - 1, (now - this.warmupEndNanos) / this.settings.stepDuration().toNanos());
	}

	boolean finished(long now) {
		return step(now) >= this.settings.ladder().size();
	}

	/**
	 * Lengthens the last step to {@code millis} beyond its planned end (at most {@link #MAX_EXTENSION});
	 * no effect once the run has finished, nor to shorten it. Returns whether it lengthened.
	 */
	synchronized boolean extendLastStep(long millis, long now) {
		long nanos = Math.min(MAX_EXTENSION.toNanos(), Duration.ofMillis(millis).toNanos());
		if (finished(now) || nanos <= this.extensionNanos) {
			return false;
		}
		this.extensionNanos = nanos;
		return true;
	}

	long extensionMillis() {
		return this.extensionNanos / 1_000_000;
	}

	/** The ladder value in force: the first step during warm-up. */
	int level(long now) {
		List<Integer> ladder = this.settings.ladder();
		int step = step(now);
		return ladder.get(Math.max(0, Math.min(step, ladder.size() - 1)));
	}
}
