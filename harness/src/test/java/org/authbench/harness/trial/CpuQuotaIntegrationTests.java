package org.authbench.harness.trial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A real process under a CPU quota in a cgroup of its own, and back where it was (needs root). */
class CpuQuotaIntegrationTests {

	@Test
	void putsAProcessUnderAQuotaAndBackWhereItWas() throws Exception {
		Optional<CpuQuota.Hierarchy> cgroups = CpuQuota.available();
		assertThat(cgroups).as("a writable cgroup with a CPU controller (/sys/fs/cgroup, cgroup v1 cpu or v2 cpu.max):"
				+ " run the tests as root, as ./authbench test does").isPresent();
		Process sleeper = new ProcessBuilder("sleep", "60").start();
		try {
			Path proc = Path.of("/proc", String.valueOf(sleeper.pid()), "cgroup");
			String before = CpuQuota.cgroupOf(Files.readString(proc), cgroups.get().v2());
			Path group;
			try (CpuQuota quota = CpuQuota.limit(cgroups.get(), 0.25, List.of(sleeper.pid()))) {
				String inside = CpuQuota.cgroupOf(Files.readString(proc), cgroups.get().v2());
				assertThat(inside).startsWith("/authbench-quota-");
				group = cgroups.get().root().resolve(inside.substring(1));
				String limit = cgroups.get().v2() ? Files.readString(group.resolve("cpu.max")).trim()
						: Files.readString(group.resolve("cpu.cfs_quota_us")).trim();
				assertThat(limit).startsWith("25000");
			}
			assertThat(CpuQuota.cgroupOf(Files.readString(proc), cgroups.get().v2())).isEqualTo(before);
			assertThat(group).doesNotExist();
		}
		finally {
			sleeper.destroy();
		}
	}
}
