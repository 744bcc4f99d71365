package org.authbench.harness.trial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cgroup a process is in, from /proc/PID/cgroup, to put it back there after a quota. */
class CpuQuotaTests {

	@Test
	void findsTheCpuControllersCgroupUnderVersion1() {
		String proc = "9:name=systemd:/\n4:memory:/process_api/63172b\n2:cpuacct:/\n1:cpu,cpuacct:/user.slice\n0::/\n";

		assertThat(CpuQuota.cgroupOf(proc, false)).isEqualTo("/user.slice");
	}

	@Test
	void findsTheUnifiedCgroupUnderVersion2() {
		assertThat(CpuQuota.cgroupOf("0::/system.slice/app.service\n", true)).isEqualTo("/system.slice/app.service");
		assertThat(CpuQuota.cgroupOf("1:cpu:/x\n", true)).as("no v2 line: the root").isEqualTo("/");
	}
}
