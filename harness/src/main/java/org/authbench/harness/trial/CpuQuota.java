package org.authbench.harness.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CPU quota on some processes through a cgroup of their own: {@code cpu.max} under cgroup v2,
 * {@code cpu.cfs_quota_us} under v1's cpu controller (this machine mounts v1). Closing it moves
 * the processes back to the cgroup each came from and removes the new one. Needs root and a
 * writable cgroup file system; {@link #available()} says whether there is one.
 */
final class CpuQuota implements AutoCloseable {

	static final Path ROOT = Path.of("/sys/fs/cgroup");

	/** The quota's period, µs (the kernel's default). */
	static final long PERIOD = 100_000;

	/** Where cgroups with a CPU quota can be made: v2's root, or v1's cpu controller. */
	record Hierarchy(Path root, boolean v2) {
	}

	private final Hierarchy hierarchy;

	private final Path group;

	private final Map<Long, String> from;

	private CpuQuota(Hierarchy hierarchy, Path group, Map<Long, String> from) {
		this.hierarchy = hierarchy;
		this.group = group;
		this.from = from;
	}

	/** The hierarchy to use on this machine, if any is writable. */
	static Optional<Hierarchy> available() {
		try {
			Path v2 = ROOT.resolve("cgroup.controllers");
			if (Files.isRegularFile(v2) && Arrays.asList(Files.readString(v2).trim().split("\\s+")).contains("cpu")
					&& Files.isWritable(ROOT)) {
				return Optional.of(new Hierarchy(ROOT, true));
			}
			Path v1 = ROOT.resolve("cpu");
			if (Files.isRegularFile(v1.resolve("cpu.cfs_quota_us")) && Files.isWritable(v1)) {
				return Optional.of(new Hierarchy(v1, false));
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Puts {@code pids} (whole processes, every thread) under a quota of {@code cores} CPUs. */
	static CpuQuota limit(Hierarchy hierarchy, double cores, List<Long> pids) {
		Path group = hierarchy.root().resolve("authbench-quota-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		Map<Long, String> from = new LinkedHashMap<>();
		try {
			if (hierarchy.v2()) {
				Files.writeString(hierarchy.root().resolve("cgroup.subtree_control"), "+cpu");
			}
			Files.createDirectory(group);
			long quota = Math.round(cores * PERIOD);
			if (hierarchy.v2()) {
				Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD);
			}
			else {
				Files.writeString(group.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD));
				Files.writeString(group.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
			}
			CpuQuota limited = new CpuQuota(hierarchy, group, from);
			for (long pid : pids) {
				from.put(pid, cgroupOf(Files.readString(Path.of("/proc", String.valueOf(pid), "cgroup")), hierarchy.v2()));
				Files.writeString(group.resolve("cgroup.procs"), String.valueOf(pid));
			}
			return limited;
		}
		catch (IOException ex) {
			new CpuQuota(hierarchy, group, from).close();
			throw new UncheckedIOException("could not put a CPU quota on " + pids + " in " + group, ex);
		}
	}

	/**
	 * A process's cgroup in the hierarchy, from {@code /proc/PID/cgroup}: v2's {@code 0::/path}
	 * line, or the v1 line whose controllers include {@code cpu}.
	 */
	static String cgroupOf(String procCgroup, boolean v2) {
		for (String line : procCgroup.split("\n")) {
			String[] parts = line.split(":", 3);
			if (parts.length < 3) {
				continue;
			}
			if (v2 ? "0".equals(parts[0]) && parts[1].isEmpty() : Arrays.asList(parts[1].split(",")).contains("cpu")) {
				return parts[2].trim();
			}
		}
		return "/";
	}

	/** The processes back where they were; the cgroup removed. A process that ended meanwhile is no error. */
	@Override
	public void close() {
		List<String> problems = new ArrayList<>();
		this.from.forEach((pid, path) -> {
			try {
				Path back = this.hierarchy.root().resolve(path.replaceFirst("^/", ""));
				Files.writeString(back.resolve("cgroup.procs"), String.valueOf(pid));
			}
			catch (IOException ex) {
				if (Files.exists(Path.of("/proc", String.valueOf(pid)))) {
					problems.add(pid + ": " + ex.getMessage());
				}
			}
		});
		try {
			Files.deleteIfExists(this.group);
		}
		catch (IOException ex) {
			problems.add(this.group + ": " + ex.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("could not undo the CPU quota: " + String.join("; ", problems));
		}
	}
}
