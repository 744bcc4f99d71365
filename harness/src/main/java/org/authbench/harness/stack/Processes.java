package org.authbench.harness.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts and signals the stack's OS processes, always by PID and only after checking that the
 * PID still belongs to the process that was started (same start time): a reused PID is never
 * signalled. Processes start in their own session ({@code setsid}), so a Ctrl-C in the
 * launcher's terminal reaches the launcher only, which then stops them in order.
 */
final class Processes {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private static final Path PROC = Path.of("/proc");

	private Processes() {
	}

	/** Starts the member's command, its output appended to its log file. */
	static Member start(Member member) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			command.add(SETSID.toString());
		}
		command.addAll(member.command());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(new File("/dev/null"))
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(member.log())));
		builder.environment().putAll(member.env());
		try {
			Process process = builder.start();
			return member.started(process.pid(), startedAt(process.toHandle()));
		}
		catch (IOException ex) {
			throw new StackException("could not start " + member.name() + " (" + member.command().get(0) + "): "
					+ ex.getMessage(), ex);
		}
	}

	private static long startedAt(ProcessHandle handle) {
		return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
	}

	/** The live process this member refers to; empty if it is gone or its PID now names another process. */
	static Optional<ProcessHandle> handle(Member member) {
		if (member.pid() <= 0) {
			return Optional.empty();
		}
		return ProcessHandle.of(member.pid())
			.filter(ProcessHandle::isAlive)
			.filter(handle -> member.startedAt() == 0 || Math.abs(startedAt(handle) - member.startedAt()) < 1000)
			.filter(handle -> state(member.pid()) != 'Z');
	}

	static boolean isAlive(Member member) {
		return handle(member).isPresent();
	}

	/** True when the process is stopped by SIGSTOP (state T in /proc). */
	static boolean isFrozen(Member member) {
		return isAlive(member) && Character.toUpperCase(state(member.pid())) == 'T';
	}

	/** The state letter of /proc/&lt;pid&gt;/stat (R, S, T, Z…), or '?' if unreadable. */
	private static char state(long pid) {
		try {
			String stat = Files.readString(PROC.resolve(String.valueOf(pid)).resolve("stat"));
			int end = stat.lastIndexOf(')');
			return end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
		}
		catch (IOException ex) {
			return '?';
		}
	}

	/** Sends a signal by name (KILL, STOP, CONT, TERM) with kill(1); false if the process is gone. */
	static boolean signal(Member member, String signal) {
		if (!isAlive(member)) {
			return false;
		}
		try {
			Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(member.pid())).redirectErrorStream(true)
				.start();
			String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (kill.waitFor() != 0) {
				if (!isAlive(member)) {
					// It exited between the check and the signal (e.g. SIGCONT right after SIGTERM).
					return false;
				}
				throw new StackException("kill -s " + signal + " " + member.pid() + " failed: " + output);
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted while signalling " + member.name(), ex);
		}
	}

	/**
	 * Stops a process and its children: SIGTERM (and SIGCONT, so a frozen one can act on it),
	 * then SIGKILL after {@code grace}. Returns whether everything is gone.
	 */
	static boolean stop(Member member, Duration grace) {
		Optional<ProcessHandle> handle = handle(member);
		if (handle.isEmpty()) {
			return true;
		}
		List<ProcessHandle> family = new ArrayList<>(handle.get().descendants().toList());
		family.add(handle.get());
		signal(member, "TERM");
		signal(member, "CONT");
		if (!awaitGone(family, grace)) {
			family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			return awaitGone(family, Duration.ofSeconds(5));
		}
		return true;
	}

	/** SIGKILL, then waits until the process is gone. */
	static boolean kill(Member member) {
		if (!signal(member, "KILL")) {
			return true;
		}
		return awaitGone(handle(member).stream().toList(), Duration.ofSeconds(10)) || !isAlive(member);
	}

	static boolean awaitGone(List<ProcessHandle> processes, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (processes.stream().noneMatch(Processes::running)) {
				return true;
			}
			sleep(50);
		}
		return processes.stream().noneMatch(Processes::running);
	}

	private static boolean running(ProcessHandle handle) {
		return handle.isAlive() && state(handle.pid()) != 'Z';
	}

	/** The last lines of a log file, to show why a process did not come up. */
	static String tail(String log, int lines) {
		try {
			List<String> all = Files.readAllLines(Path.of(log), StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log at " + log + ")";
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted", ex);
		}
	}
}
