package org.authbench.harness.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.revocation.FailoverProbe;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackState;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What a frozen Redis primary did once it woke up (docs/design.md §10): the Sentinels promoted
 * its replica meanwhile, but until one of them sees it again (its INFO, every 10 s) and sends it
 * {@code REPLICAOF}, it is still a primary, the apps still hold their connections to it, and what
 * it acknowledges then is thrown away when it resyncs from the new primary.
 *
 * @param oldPrimaryRole {@code INFO replication}'s role of {@code redis-1} after the drill
 * @param awakeAsPrimaryMillis from a Sentinel seeing it again ({@code -sdown}) to its demotion
 * ({@code +convert-to-slave}), from the Sentinels' logs; null if either is missing
 * @param discardedBytes replication stream it accepted beyond what the new primary had, from the new
 * primary's log (refused partial resync: requested offset − the offset it can serve; 0 when the
 * partial resync was accepted); null when the log says neither
 * @param result the probe's credentials presented again after the drill, half of them logged out
 * while it was awake and still primary (null: that moment was missed)
 */
record SplitBrain(String oldPrimaryRole, Long awakeAsPrimaryMillis, Long discardedBytes,
		FailoverProbe.Result result) {

	/** The users of this probe: apart from the load's and the drill's own probes' (user0900…, user0940…). */
	static final int FIRST_USER = 960;

	static final int USERS = 10;

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS",
			Locale.ENGLISH);

	/**
	 * Logs {@value #USERS} users in now; waits until {@code redis-1} stops answering (frozen) and
	 * answers again as a primary (awake, not yet demoted); then logs half of the users out. Null
	 * when that moment passed before the logouts were done (it was demoted first).
	 */
	static FailoverProbe logOutWhileAwakeAndUndemoted(StackState state) {
		int port = state.member("redis-1").orElseThrow().port();
		FailoverProbe probe = FailoverProbe.logIn(state, FIRST_USER, USERS);
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		boolean frozen = false;
		while (System.nanoTime() < deadline) {
			Optional<String> role = role(port, 300);
			if (role.isEmpty()) {
				frozen = true;
			}
			else if (frozen && role.get().equals("master")) {
				try {
					FailoverProbe out = probe.logOutHalf();
					boolean stillPrimary = role(port, 1000).filter("master"::equals).isPresent();
					return stillPrimary ? out : null;
				}
				catch (StackException refused) {
					return null;
				}
			}
			else if (frozen) {
				return null;
			}
			sleep(50);
		}
		return null;
	}

	/** After the drill: the old primary's role, the Sentinels' and the new primary's logs, the probe checked. */
	static SplitBrain read(StackState state, FailoverProbe probe) {
		int port = state.member("redis-1").orElseThrow().port();
		String role = role(port, 2000).orElse("unreachable");
		Long awake = null;
		LocalDateTime seen = null;
		LocalDateTime demoted = null;
		for (int n = 1; n <= 3; n++) {
			String log = read(state.member("sentinel-" + n).orElseThrow().log());
			seen = earliest(seen, time(log, "-sdown slave 127.0.0.1:" + port + " "));
			demoted = earliest(demoted, time(log, "+convert-to-slave slave 127.0.0.1:" + port + " "));
		}
		if (seen != null && demoted != null) {
			awake = ChronoUnit.MILLIS.between(seen, demoted);
		}
		String primaryLog = read(state.member("redis-2").orElseThrow().log());
		Long discarded = null;
		Matcher refused = Pattern
			.compile("Requested offset for second ID was (\\d+), but I can reply up to (\\d+)")
			.matcher(primaryLog);
		if (refused.find()) {
			discarded = Long.parseLong(refused.group(1)) - Long.parseLong(refused.group(2));
		}
		else if (primaryLog.contains("Partial resynchronization request from 127.0.0.1:" + port + " accepted")) {
			discarded = 0L;
		}
		FailoverProbe.Result result = probe == null ? null : probe.check(Duration.ofSeconds(20));
		return new SplitBrain(role, awake, discarded, result);
	}

	private static Optional<String> role(int port, int timeoutMillis) {
		try (Jedis redis = new Jedis("127.0.0.1", port, timeoutMillis)) {
			String info = redis.info("replication");
			Matcher role = Pattern.compile("role:(\\w+)").matcher(info);
			return role.find() ? Optional.of(role.group(1)) : Optional.empty();
		}
		catch (JedisException unanswered) {
			return Optional.empty();
		}
	}

	/** The time of the first log line holding {@code marker} ({@code 4782:X 03 Dec 2026 17:41:04.798 # …}). */
	private static LocalDateTime time(String log, String marker) {
		for (String line : log.split("\n")) {
			if (line.contains(marker)) {
				Matcher at = Pattern.compile("\\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}").matcher(line);
				if (at.find()) {
					return LocalDateTime.parse(at.group(), LOG_TIME);
				}
			}
		}
		return null;
	}

	private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
		return a == null ? b : b == null || a.isBefore(b) ? a : b;
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
