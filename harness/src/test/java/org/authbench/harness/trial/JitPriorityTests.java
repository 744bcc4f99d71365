package org.authbench.harness.trial;

import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.CompilerCpu;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler threads of a real JVM (this one) get the raised priority and then the default again. */
class JitPriorityTests {

	@Test
	void theCompilerThreadsAreRaisedForTheWarmUpAndPutBackForTheRounds() throws Exception {
		long self = ProcessHandle.current().pid();
		TrialTarget target = TrialTarget.external("self", "http://127.0.0.1:1", Map.of("app", self));
		List<Long> compilers = CompilerCpu.compilerThreads(List.of(self));
		assertThat(compilers).isNotEmpty();
		try {
			assertThat(JitPriority.raise(List.of(target))).as("renice needs root or CAP_SYS_NICE").isTrue();
			for (long tid : compilers) {
				assertThat(nice(tid)).isEqualTo(JitPriority.RAISED);
			}
			assertThat(nice(self)).as("the main thread keeps its priority").isZero();
		}
		finally {
			assertThat(JitPriority.restore(List.of(target))).isTrue();
		}
		for (long tid : compilers) {
			assertThat(nice(tid)).isZero();
		}
	}

	/** A thread's nice value, from field 19 of {@code /proc/<tid>/stat}. */
	private static int nice(long tid) throws java.io.IOException {
		String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(tid), "stat"));
		return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ")[16]);
	}
}
