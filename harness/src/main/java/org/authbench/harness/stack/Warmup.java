package org.authbench.harness.stack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.authbench.harness.http.Session;

/**
 * One authenticated request straight to a fresh instance before it gets traffic: a login, then
 * a call that needs the credential (for jwt: the authorizer, which also reads the Redis denylist).
 * A cold JVM opens its Redis connection lazily and can take longer than the short Redis timeouts
 * on that first call; without this, the first client through nginx would pay for it (a 503, or
 * a read timeout that nginx takes for a dead instance).
 */
final class Warmup {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private Warmup() {
	}

	/** Repeats login + one authenticated call until both answer 200, within {@code timeout}. */
	static void await(Member app, Variant.Credential credential, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		String last = "";
		while (Instant.now().isBefore(deadline)) {
			try {
				last = once(app.port(), credential);
				if (last.isEmpty()) {
					return;
				}
			}
			catch (IOException ex) {
				if (Thread.currentThread().isInterrupted()) {
					throw new StackException("interrupted while warming up " + app.name(), ex);
				}
				last = ex.toString();
			}
			Processes.sleep(250);
		}
		throw new StackException(app.name() + " is healthy but did not serve an authenticated request within "
				+ timeout.toSeconds() + " s: " + last);
	}

	/** Empty when it worked, else what went wrong. */
	private static String once(int port, Variant.Credential credential) throws IOException {
		Session session = new Session("http://127.0.0.1:" + port, credential, REQUEST_TIMEOUT);
		Session.Answer login = session.login("user0001", "changeit");
		if (login.status() != 200) {
			return "login answered " + login;
		}
		// For jwt the authorizer, which also reads the Redis denylist.
		Session.Answer answer = session.get(credential == Variant.Credential.BEARER ? "/api/auth/authorize" : "/api/me");
		return answer.status() == 200 ? "" : "authenticated call answered " + answer;
	}
}
