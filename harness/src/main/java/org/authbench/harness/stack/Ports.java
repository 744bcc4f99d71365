package org.authbench.harness.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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
}
