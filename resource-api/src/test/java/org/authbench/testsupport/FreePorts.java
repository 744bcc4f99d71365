package org.authbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on loopback, for the real servers tests start. They are drawn below Linux's
 * ephemeral range (32768–60999): a port from that range, free when drawn, can be taken as the
 * local port of some outgoing connection before the server that was meant to get it binds it.
 * A port is handed out once per JVM: drawn at random and only checked free, the same port came
 * out twice for one stack (nginx and its app, neither bound yet) in a clean-clone run of
 * 2026-12-04.
 */
public final class FreePorts {

	static final int FIRST = 20_000;

	static final int LAST = 32_000;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int next() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
			if (!HANDED_OUT.add(port)) {
				continue;
			}
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
				return port;
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new UncheckedIOException(new IOException("no free port on 127.0.0.1 between " + FIRST + " and " + LAST));
	}
}
