package org.authbench.harness.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The shutdown hook and the starts of stacks' processes never overlap. */
class StartGuardTests {

	private final StartGuard guard = new StartGuard();

	@Test
	void aStartRunsItsStepAndReturnsWhatItSaved() {
		assertThat(this.guard.recording(() -> "state with nginx")).isEqualTo("state with nginx");
	}

	@Test
	void onceTheHookHasBegunNoProcessStarts() {
		AtomicBoolean started = new AtomicBoolean();
		this.guard.stop();

		assertThatExceptionOfType(StackException.class).isThrownBy(() -> this.guard.recording(() -> started.getAndSet(true)))
			.withMessageContaining("stopping");
		assertThat(started).as("the start step ran").isFalse();
	}

	@Test
	void theHookWaitsForAStartInProgressToEnterItsStateFile() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch saved = new CountDownLatch(1);
		CompletableFuture<String> start = CompletableFuture.supplyAsync(() -> this.guard.recording(() -> {
			inside.countDown();
			await(saved);
			return "saved";
		}));
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> hook = CompletableFuture.runAsync(this.guard::stop);
		Thread.sleep(300);
		assertThat(hook).as("the hook began while a process was starting").isNotDone();

		saved.countDown();
		hook.get(10, TimeUnit.SECONDS);
		assertThat(start.get(10, TimeUnit.SECONDS)).isEqualTo("saved");
		assertThatExceptionOfType(StackException.class).isThrownBy(() -> this.guard.recording(() -> "too late"));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
