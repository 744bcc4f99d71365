package org.authbench.harness.stack;

/**
 * What {@code status} shows for one process.
 *
 * @param name {@code app-1}, {@code redis}, {@code nginx}
 * @param port its port
 * @param pid its PID as recorded (0: not started or killed)
 * @param state {@code running}, {@code frozen} or {@code gone}
 * @param health {@code UP} or why not
 */
public record MemberStatus(String name, int port, long pid, String state, String health) {

	static MemberStatus of(Member member) {
		boolean alive = Processes.isAlive(member);
		boolean frozen = alive && Processes.isFrozen(member);
		String health = !alive ? "-" : frozen ? "no answer (frozen)" : Health.check(member);
		return new MemberStatus(member.name(), member.port(), alive ? member.pid() : 0,
				!alive ? "gone" : frozen ? "frozen" : "running", health);
	}

	public boolean isUp() {
		return "UP".equals(this.health);
	}
}
