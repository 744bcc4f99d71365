package org.authbench.harness.stack;

import java.util.List;
import java.util.Map;

/**
 * One process of a stack as the state file records it: enough to check it, signal it, and
 * start it again with the same settings from another terminal.
 *
 * @param name {@code app-1}…, {@code redis} or {@code nginx}; with Redis HA {@code redis-1}, {@code redis-2} and
 * {@code sentinel-1}…
 * @param role what it is
 * @param port the port it listens on
 * @param pid its process id, 0 when it is not running
 * @param startedAt its start time (epoch ms, as the OS reports it): a PID reused by another
 * process does not match, so nothing else is ever signalled
 * @param command its command line
 * @param env the environment it gets on top of the launcher's
 * @param log its log file
 */
public record Member(String name, Role role, int port, long pid, long startedAt, List<String> command,
		Map<String, String> env, String log) {

	/** What a member is; decides how its health is checked. */
	public enum Role {

		APP, REDIS, SENTINEL, NGINX

	}

	public Member {
		command = List.copyOf(command);
		env = Map.copyOf(env);
	}

	Member started(long pid, long startedAt) {
		return new Member(this.name, this.role, this.port, pid, startedAt, this.command, this.env, this.log);
	}

	Member stopped() {
		return started(0, 0);
	}
}
