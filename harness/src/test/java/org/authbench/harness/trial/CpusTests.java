package org.authbench.harness.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.authbench.harness.metrics.MachineCpu;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** authbench's own JVM (this one) keeps to the generator's CPU while the systems are pinned, then gets every CPU back. */
class CpusTests {

	@Test
	void thisJvmKeepsToTheGeneratorsCpuWhilePinnedAndGetsEveryCpuBack() throws Exception {
		Cpus cpus = Cpus.plan(true);
		assertThat(cpus.count()).as("the trial pins on machines with two CPUs or more; this one has %d", cpus.count())
			.isGreaterThanOrEqualTo(2);
		String every = "0-" + (cpus.count() - 1);
		assertThat(allowedOfEveryThread()).containsOnly(every);
		cpus.pinSelf();
		try {
			assertThat(allowedOfEveryThread()).containsOnly(cpus.generator());
			AtomicReference<String> later = new AtomicReference<>();
			Thread thread = new Thread(() -> later.set(allowed(Path.of("/proc/thread-self/status"))));
			thread.start();
			thread.join();
			assertThat(later.get()).as("a thread started while pinned").isEqualTo(cpus.generator());
			assertThat(MachineCpu.count()).as("the machine's CPUs, which shares of it are taken of, while this JVM is pinned")
				.isEqualTo(cpus.count());
		}
		finally {
			cpus.unpinSelf();
		}
		assertThat(allowedOfEveryThread()).containsOnly(every);
	}

	@Test
	void unpinnedPlansLeaveThisJvmAlone() throws Exception {
		Cpus cpus = Cpus.plan(false);
		List<String> before = allowedOfEveryThread();
		cpus.pinSelf();
		assertThat(allowedOfEveryThread()).containsOnlyElementsOf(before);
		cpus.unpinSelf();
		assertThat(allowedOfEveryThread()).containsOnlyElementsOf(before);
	}

	/** {@code Cpus_allowed_list} of every thread of this JVM that still runs. */
	private static List<String> allowedOfEveryThread() throws IOException {
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			return tasks.map(task -> task.resolve("status")).map(CpusTests::allowed).filter(a -> a != null).toList();
		}
	}

	private static String allowed(Path status) {
		try {
			return Files.readAllLines(status)
				.stream()
				.filter(line -> line.startsWith("Cpus_allowed_list:"))
				.map(line -> line.substring("Cpus_allowed_list:".length()).trim())
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			return null; // the thread ended meanwhile
		}
	}
}
