package org.authbench.harness.stack;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@code chaos} does to a process: SIGKILL, SIGSTOP, SIGCONT, or bring it back; on the docker
 * runtime also cut an instance off Redis's network and join it again (partition, heal).
 */
public enum ChaosAction {

	KILL, FREEZE, THAW, START, RESTART, PARTITION, HEAL;

	public String id() {
		return name().toLowerCase();
	}

	public static ChaosAction parse(String id) {
		return Arrays.stream(values())
			.filter(action -> action.id().equalsIgnoreCase(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown chaos action '" + id + "', expected one of: "
					+ Arrays.stream(values()).map(ChaosAction::id).collect(Collectors.joining(", "))));
	}

	@Override
	public String toString() {
		return id();
	}
}
