package org.authbench.harness.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a container's CPU from what its cgroup prints, under both cgroup versions. */
class DockerContainersTests {

	@Test
	void cgroupV2sCpuStatGivesMicroseconds() {
		String cpuStat = """
				usage_usec 12345678
				user_usec 10000000
				system_usec 2345678
				nr_periods 0
				""";

		assertThat(DockerContainers.cgroupCpuSeconds(cpuStat)).isEqualTo(12.345678);
	}

	@Test
	void cgroupV1sCpuacctUsageGivesNanoseconds() {
		assertThat(DockerContainers.cgroupCpuSeconds("31766215\n")).isEqualTo(0.031766215);
	}

	@Test
	void anythingElseIsAClearError() {
		assertThatThrownBy(() -> DockerContainers.cgroupCpuSeconds("cat: /sys/fs/cgroup/cpuacct/cpuacct.usage: No such file"))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("no CPU usage in the container's cgroup");
	}
}
