package org.authbench.harness.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nanosecond counter against this JVM's own threads' CPU time (also to the nanosecond; the
 * JDK's figure for the whole process counts 10-ms ticks like {@link ProcessCpu}). Unit tests run one
 * class at a time, so this JVM's other threads are nearly idle meanwhile.
 */
class PreciseCpuTests {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final Map<String, Long> SELF = Map.of("self", ProcessHandle.current().pid());

	@Test
	void aProcessWhoseThreadsAllLiveIsTheSumOfItsThreadsToTheNanosecond() {
		PreciseCpu.Seen seen = new PreciseCpu.Seen(1);

		assertThat(seen.update(Map.of(1L, 100_000_000L, 2L, 200_000_123L), 290_000_000L)).isEqualTo(300_000_123L);
		assertThat(seen.update(Map.of(1L, 150_000_000L, 2L, 260_000_456L, 3L, 7L), 410_000_000L))
			.as("a new thread counts in full; the ticks, short of the sum, change nothing").isEqualTo(410_000_463L);
	}

	@Test
	void anEndedThreadKeepsWhatItWasLastSeenWithAndTheTicksTellOfThoseNeverSeen() {
		long ms = 1_000_000;
		PreciseCpu.Seen seen = new PreciseCpu.Seen(1);
		seen.update(Map.of(1L, 100 * ms, 2L, 200 * ms), 290 * ms);

		assertThat(seen.update(Map.of(1L, 150 * ms), 340 * ms)).as("thread 2 ended after it was seen with 200 ms")
			.isEqualTo(350 * ms);
		// Thread 3 started, used 50 ms and ended unseen: the true total is 410 ms, the ticks say 400.
		assertThat(seen.update(Map.of(1L, 160 * ms), 400 * ms)).isEqualTo(400 * ms);
		assertThat(seen.update(Map.of(1L, 170 * ms), 410 * ms)).as("from then on exact again").isEqualTo(410 * ms);
		// Ticks short of the count by truncation move nothing.
		assertThat(seen.update(Map.of(1L, 175 * ms), 400 * ms)).isEqualTo(415 * ms);
	}

	@Test
	void aNewProcessWithAnOldOnesPidStartsAfresh() {
		long ms = 1_000_000;
		PreciseCpu.Seen old = new PreciseCpu.Seen(1000);
		old.update(Map.of(1L, 500 * ms, 2L, 300 * ms), 800 * ms);

		assertThat(PreciseCpu.Seen.of(old, 1000)).as("the same process").isSameAs(old);
		PreciseCpu.Seen later = PreciseCpu.Seen.of(old, 5000);
		assertThat(later.update(Map.of(9L, 40 * ms), 40 * ms))
			.as("the old process's threads are not the new one's ended threads").isEqualTo(40 * ms);
		assertThat(PreciseCpu.Seen.of(null, 5000).update(Map.of(9L, 40 * ms), 40 * ms)).isEqualTo(40 * ms);
	}

	@Test
	void theStartTimeIsField22() {
		String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 42 0 987654 10000 100";
		assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1234 + 567);
		assertThat(ProcessCpu.parseStart(stat)).isEqualTo(987654);
		assertThat(ProcessCpu.parseStart(ProcessCpu.stat(ProcessHandle.current().pid())))
			.as("this JVM started after boot").isPositive();
	}

	@Test
	void aBurnOfThisJvmIsCountedInFullAndToTheNanosecond() {
		PreciseCpu cpu = warm(new PreciseCpu());
		long pid = SELF.get("self");
		for (int k = 0; k < 5; k++) {
			double before = cpu.sample(SELF).get("self");
			long ticksBefore = ProcessCpu.ticks(pid);
			double burnt = burn(23);
			double after = cpu.sample(SELF).get("self");
			long ticksAfter = ProcessCpu.ticks(pid);

			// The burn, less at most a scheduler tick that a running thread's schedstat may lag (ticks fall
			// short by up to 20 ms about every other window); beyond it the samples' own reading (this JVM
			// measures itself) and this JVM's other threads (the JIT), which the ticks saw too.
			assertThat(after - before).as("window %d, burnt %.4f s, ticks %d", k, burnt, ticksAfter - ticksBefore)
				.isBetween(burnt - 0.005, (ticksAfter - ticksBefore) / (double) ProcessCpu.TICKS_PER_SECOND + 0.025);
			assertThat(Math.round((after - before) * 1e9) % 10_000_000).as("not a whole number of 10-ms ticks")
				.isNotZero();
		}
	}

	@Test
	void aThreadThatStartsAndEndsBetweenTwoSamplesIsStillCounted() throws InterruptedException {
		PreciseCpu cpu = warm(new PreciseCpu());
		double[] burnt = new double[1];
		long pid = SELF.get("self");
		double before = cpu.sample(SELF).get("self");
		long ticksBefore = ProcessCpu.ticks(pid);
		Thread brief = new Thread(() -> burnt[0] = burn(60), "brief");
		brief.start();
		brief.join();
		double after = cpu.sample(SELF).get("self");
		long ticksAfter = ProcessCpu.ticks(pid);
		double later = cpu.sample(SELF).get("self");

		assertThat(later).as("the counter never goes back").isGreaterThanOrEqualTo(after);
		// Its time is only in the process's ticks, which are short of the true total by less than 20 ms.
		assertThat(after - before).as("burnt %.4f s", burnt[0]).isGreaterThan(burnt[0] - 0.025);
		// Whatever else this JVM did meanwhile (the JIT), the ticks saw it too, to within their truncation.
		assertThat(after - before).as("the ticks' %d", ticksAfter - ticksBefore)
			.isLessThan((ticksAfter - ticksBefore) / (double) ProcessCpu.TICKS_PER_SECOND + 0.025);
	}

	@Test
	void aGoneProcessCountsNothing() throws Exception {
		Process child = new ProcessBuilder("sleep", "30").start();
		long pid = child.pid();
		PreciseCpu cpu = new PreciseCpu();
		assertThat(cpu.sample(Map.of("child", pid)).get("child")).isGreaterThan(0).isLessThan(0.5);
		child.destroy();
		child.waitFor();

		assertThat(cpu.sample(Map.of("child", pid))).containsEntry("child", 0.0);
	}

	/** The counter, after the JIT (on threads of its own, counted too) has compiled the burn and the sampling. */
	private static PreciseCpu warm(PreciseCpu cpu) {
		for (int k = 0; k < 20; k++) {
			burn(5);
			cpu.sample(SELF);
		}
		return cpu;
	}

	/** Spends about this many ms of this thread's CPU time; returns the seconds it spent. */
	private static double burn(long millis) {
		long start = THREADS.getCurrentThreadCpuTime();
		long end = start + millis * 1_000_000;
		long sink = 0;
		long now;
		while ((now = THREADS.getCurrentThreadCpuTime()) < end) {
			for (int i = 0; i < 10_000; i++) {
				sink += i * 31L ^ sink;
			}
		}
		if (sink == 42) {
			System.out.print("");
		}
		return (now - start) / 1e9;
	}
}
