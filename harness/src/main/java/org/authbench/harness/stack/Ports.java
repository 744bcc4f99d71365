package org.authbench.harness.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.authbench.harness.env.Environment;

/** Checks, before anything starts, that every port of a stack is free on loopback. */
final class Ports {

	private Ports() {
	}

	static void requireFree(int port, String what) {
		if (port < 1 || port > 65535) {
			throw new StackException("port " + port + " (" + what + ") is not a valid port");
		}
		try (ServerSocket socket = new ServerSocket()) {
			// As the servers bind (nginx, Tomcat and Redis all set SO_REUSEADDR): a port whose last
			// connection lingers in TIME_WAIT is free for them, so it is free here too.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
		}
		catch (IOException ex) {
			throw new StackException("port " + port + " (" + what + ") is in use on 127.0.0.1; stop what uses it"
					+ " (ss -ltnp 'sport = :" + port + "') or choose another port");
		}
	}

	/**
	 * Waits up to {@code timeout} for the port to be free, for a process started again right after
	 * it was killed: a demo's "start redis" 3 s after "kill redis" once found 6390 taken
	 * (2026-12-04), though no server listened there any more. When it stays taken, the error holds
	 * what {@code ss} shows of the port then, to find out what held it.
	 */
	static void awaitFree(int port, String what, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				requireFree(port, what);
				return;
			}
			catch (StackException ex) {
				if (System.nanoTime() > deadline) {
					throw new StackException(ex.getMessage() + "; still after %.1f s; ss -tanp: "
						.formatted(timeout.toMillis() / 1000.0) + sockets(port));
				}
				Processes.sleep(100);
			}
		}
	}

	/** What {@code ss} shows of the port's sockets, any state, best effort. */
	private static String sockets(int port) {
		String out = Environment.run(List.of("ss", "-tanp", "sport = :" + port)).strip();
		return out.isEmpty() ? "(nothing, or ss not run)" : out.replace('\n', ';');
	}
}
