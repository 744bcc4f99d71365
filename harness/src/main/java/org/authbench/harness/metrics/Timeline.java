package org.authbench.harness.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * The simulation's per-second counts ({@code timeline.json}): every outcome class of docs/metrics.md
 * and the re-logins forced by lost sessions. Seconds are bucketed by completion time.
 */
public final class Timeline {

	/**
	 * One second of the run; {@code epochMillis} is its start. {@code usersByInstance}: how many
	 * users each instance last answered successfully at the end of that second (for sticky
	 * sessions, where their sessions live), as the simulation saw them at {@code usersTakenAtMillis}
	 * (its once-a-second tick, late when its CPU is taken; null in files written before it was kept).
	 */
	public record Second(int second, long epochMillis, long ok, long authLost, long clientError, long serverError,
			long connectError, long relogins, Map<String, Long> usersByInstance, Long usersTakenAtMillis) {

		public Second {
			usersByInstance = usersByInstance == null ? Map.of() : Map.copyOf(usersByInstance);
		}

		/** A second whose snapshot of users was taken right at its end. */
		public Second(int second, long epochMillis, long ok, long authLost, long clientError, long serverError,
				long connectError, long relogins, Map<String, Long> usersByInstance) {
			this(second, epochMillis, ok, authLost, clientError, serverError, connectError, relogins, usersByInstance,
					null);
		}

		/** When its snapshot of users was taken: as written, else at the second's end. */
		long usersTakenAt() {
			return this.usersTakenAtMillis != null ? this.usersTakenAtMillis : this.epochMillis + 1000;
		}

		public long requests() {
			return this.ok + this.authLost + this.clientError + this.serverError + this.connectError;
		}

		public long errors() {
			return this.authLost + this.clientError + this.serverError + this.connectError;
		}

		Second plus(Second other) {
			return new Second(this.second, this.epochMillis, this.ok + other.ok, this.authLost + other.authLost,
					this.clientError + other.clientError, this.serverError + other.serverError,
					this.connectError + other.connectError, this.relogins + other.relogins, this.usersByInstance,
					this.usersTakenAtMillis);
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Second> seconds;

	public Timeline(List<Second> seconds) {
		this.seconds = List.copyOf(seconds);
	}

	public static Timeline read(Path file) {
		List<Second> seconds = JSON.readValue(file.toFile(),
				JSON.getTypeFactory().constructCollectionType(List.class, Second.class));
		return new Timeline(seconds);
	}

	public List<Second> seconds() {
		return this.seconds;
	}

	/**
	 * The start of the one-second bucket that holds {@code epochMillis}: counts are per bucket,
	 * so a window that begins at an event begins at its bucket, or the event's first second is lost.
	 */
	public long bucketStart(long epochMillis) {
		if (this.seconds.isEmpty()) {
			return epochMillis;
		}
		long origin = this.seconds.get(0).epochMillis();
		return origin + Math.floorDiv(epochMillis - origin, 1000L) * 1000L;
	}

	/**
	 * The first bucket start at or after {@code epochMillis}. {@link #totals} counts whole seconds:
	 * {@code totals(from, to)} holds what completed in {@code [alignUp(from), alignUp(to))}, which
	 * is where a second source has to count to count the same requests.
	 */
	public long alignUp(long epochMillis) {
		long start = bucketStart(epochMillis);
		return start == epochMillis ? start : start + 1000L;
	}

	/** Sum of the seconds that start in {@code [fromMillis, toMillis)}. */
	public Second totals(long fromMillis, long toMillis) {
		Second sum = new Second(-1, fromMillis, 0, 0, 0, 0, 0, 0, Map.of());
		for (Second second : this.seconds) {
			if (second.epochMillis() >= fromMillis && second.epochMillis() < toMillis) {
				sum = sum.plus(second);
			}
		}
		return sum;
	}

	/**
	 * The last snapshot of users per instance taken before {@code epochMillis}, by when it was
	 * taken: a tick that ran late saw what came after the event (suite of 2026-12-06: the snapshot
	 * of the second that ended 7 ms before a kill of app-3, taken after it, already had app-3's
	 * nine users served again by the others, and the drill read it as no user on app-3).
	 */
	public Map<String, Long> usersByInstanceBefore(long epochMillis) {
		Map<String, Long> last = Map.of();
		for (Second second : this.seconds) {
			if (second.usersTakenAt() <= epochMillis && !second.usersByInstance().isEmpty()) {
				last = second.usersByInstance();
			}
		}
		return last;
	}

	/**
	 * Recovery time (docs/metrics.md): from the event until the error count stays at zero for
	 * {@code quietSeconds} seconds; empty when it never does within the time line.
	 */
	public OptionalLong recoveryMillis(long eventMillis, int quietSeconds) {
		int quiet = 0;
		Long firstQuiet = null;
		for (Second second : this.seconds) {
			if (second.epochMillis() + 1000 <= eventMillis) {
				continue;
			}
			if (second.errors() == 0) {
				if (quiet == 0) {
					firstQuiet = Math.max(second.epochMillis(), eventMillis);
				}
				if (++quiet >= quietSeconds) {
					return OptionalLong.of(firstQuiet - eventMillis);
				}
			}
			else {
				quiet = 0;
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * When requests failed between two instants, by whole seconds.
	 * @param firstMillis start of the first second with a failed request, null if none failed
	 * @param lastMillis end of the last such second
	 * @param successMillis start of the first second after {@code firstMillis} in which most requests
	 * succeeded, null if none did
	 */
	public record Failures(Long firstMillis, Long lastMillis, Long successMillis) {

		/** From the first failing second's start to the last one's end; null if none failed. */
		public Long spanMillis() {
			return this.firstMillis == null ? null : this.lastMillis - this.firstMillis;
		}

		/** From {@code eventMillis} to the first mostly successful second after failures began; null if none. */
		public Long firstSuccessAfter(long eventMillis) {
			return this.successMillis == null ? null : Math.max(0, this.successMillis - eventMillis);
		}
	}

	/** The seconds with failed requests from {@code fromMillis} (its second included) to {@code toMillis}. */
	public Failures failures(long fromMillis, long toMillis) {
		Long first = null;
		Long last = null;
		Long success = null;
		for (Second second : this.seconds) {
			if (second.epochMillis() < bucketStart(fromMillis) || second.epochMillis() >= toMillis) {
				continue;
			}
			if (second.errors() > 0) {
				first = first == null ? second.epochMillis() : first;
				last = second.epochMillis() + 1000;
			}
			else if (first != null && success == null && second.ok() > 0) {
				success = second.epochMillis();
			}
			if (first != null && success == null && second.errors() > 0 && second.ok() > second.errors()
					&& second.epochMillis() > first) {
				success = second.epochMillis();
			}
		}
		return new Failures(first, last, success);
	}
}
