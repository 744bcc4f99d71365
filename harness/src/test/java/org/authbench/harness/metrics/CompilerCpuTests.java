package org.authbench.harness.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompilerCpuTests {

	@Test
	void theCompilerThreadsAreFoundByTheNamesTheKernelKeeps() {
		assertThat(CompilerCpu.isCompilerThread("C2 CompilerThre")).isTrue();
		assertThat(CompilerCpu.isCompilerThread("C1 CompilerThre")).isTrue();
		assertThat(CompilerCpu.isCompilerThread("http-nio-9001-e")).isFalse();
		assertThat(CompilerCpu.isCompilerThread("G1 Conc#0")).isFalse();
		assertThat(CompilerCpu.runNanos("3747126584 16343722346 2236\n")).isEqualTo(3_747_126_584L);
	}

	@Test
	void aThreadNewSinceTheFirstSampleCountsInFullAndAnEndedOneNotAtAll() {
		CompilerCpu.Sample before = new CompilerCpu.Sample(Map.of(10L, 1_000_000_000L, 11L, 500_000_000L),
				Map.of(1L, 4_000_000_000L, 10L, 1_000_000_000L, 11L, 500_000_000L));
		// Compiler thread 11 ended; 12 started and used 0.1 s; 10 used 0.2 s more; the request thread 1 went on.
		CompilerCpu.Sample after = new CompilerCpu.Sample(Map.of(10L, 1_200_000_000L, 12L, 100_000_000L),
				Map.of(1L, 5_700_000_000L, 10L, 1_200_000_000L, 12L, 100_000_000L));

		CompilerCpu.Window window = CompilerCpu.between(before, after);

		assertThat(window.compilerSeconds()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(window.jvmSeconds()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(window.share()).isEqualTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(new CompilerCpu.Window(0, 0).share()).isNull();
	}

	@Test
	void aRunningJvmHasCompilerThreadsWhoseCpuIsPartOfItsOwn() {
		CompilerCpu.Sample sample = CompilerCpu.sample(List.of(ProcessHandle.current().pid()));

		assertThat(sample.compiler()).isNotEmpty();
		assertThat(sample.all().keySet()).containsAll(sample.compiler().keySet());
		assertThat(sample.all().values().stream().mapToLong(Long::longValue).sum())
			.isGreaterThan(sample.compiler().values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void aProcessThatIsNotAJvmAddsNothing() throws Exception {
		Process sleep = new ProcessBuilder("sleep", "30").start();
		try {
			CompilerCpu.Sample sample = CompilerCpu.sample(List.of(sleep.pid()));

			assertThat(sample.compiler()).isEmpty();
			assertThat(sample.all()).isEmpty();
			assertThat(CompilerCpu.between(sample, sample).share()).isNull();
		}
		finally {
			sleep.destroy();
			sleep.waitFor(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void aGoneProcessAddsNothing() {
		assertThat(CompilerCpu.sample(List.of(Long.MAX_VALUE / 2)).all()).isEmpty();
	}
}
