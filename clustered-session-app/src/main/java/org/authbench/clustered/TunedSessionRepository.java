package org.authbench.clustered;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The tuned session store: Spring Session's {@code RedisSessionRepository} underneath, but a
 * request that changes nothing writes nothing. An authenticated read then costs one Redis
 * command (HGETALL) instead of four (six when the answer is flushed before Spring Session's
 * filter ends, which commits the session twice).
 *
 * <ul>
 * <li>The session is saved only when something changed (an attribute, the id, the timeout, or
 * the last-access time as below), and at most once per request ({@link RequestScopedSessions}
 * answers the second load of a request without Redis).</li>
 * <li>The last-access time is written only when the stored one is at least
 * {@code touchInterval} old. So that this never ends a session early, a session's timeout is
 * the configured idle timeout plus {@code touchInterval} from the stored last-access time:
 * it expires no earlier than the idle timeout after its last request, and at most
 * {@code touchInterval} later than that. That, and the session's {@code maxInactiveInterval}
 * reading "timeout + interval", are the only differences in meaning.</li>
 * </ul>
 * When the last-access time is due, the request costs what the default store costs for it
 * (EXISTS, HMSET, PEXPIREAT after the HGETALL): once per session per interval.
 */
final class TunedSessionRepository implements SessionRepository<TunedSessionRepository.TunedSession> {

	private final SessionRepository<Session> redis;

	private final Duration touchInterval;

	private final RequestScopedSessions loaded;

	@SuppressWarnings("unchecked")
	TunedSessionRepository(SessionRepository<? extends Session> redis, Duration touchInterval,
			RequestScopedSessions loaded) {
		this.redis = (SessionRepository<Session>) redis;
		this.touchInterval = touchInterval;
		this.loaded = loaded;
	}

	@Override
	public TunedSession createSession() {
		Session session = this.redis.createSession();
		session.setMaxInactiveInterval(session.getMaxInactiveInterval().plus(this.touchInterval));
		return new TunedSession(session, true);
	}

	@Override
	public void save(TunedSession session) {
		if (session.changed) {
			this.redis.save(session.delegate);
			session.changed = false;
		}
	}

	@Override
	public TunedSession findById(String id) {
		if (this.loaded.knows(id)) {
			return this.loaded.find(id);
		}
		Session stored = this.redis.findById(id);
		if (stored == null) {
			return null;
		}
		TunedSession session = new TunedSession(stored, false);
		this.loaded.remember(id, session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.loaded.deleted(id);
		this.redis.deleteById(id);
	}

	/** A session that knows whether it changed, and skips last-access updates within the interval. */
	final class TunedSession implements Session {

		private final Session delegate;

		private boolean changed;

		TunedSession(Session delegate, boolean changed) {
			this.delegate = delegate;
			this.changed = changed;
		}

		@Override
		public void setLastAccessedTime(Instant time) {
			Duration sinceStored = Duration.between(this.delegate.getLastAccessedTime(), time);
			if (sinceStored.compareTo(TunedSessionRepository.this.touchInterval) >= 0) {
				this.delegate.setLastAccessedTime(time);
				this.changed = true;
			}
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.delegate.setAttribute(name, value);
			this.changed = true;
		}

		@Override
		public void removeAttribute(String name) {
			this.delegate.removeAttribute(name);
			this.changed = true;
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.delegate.setMaxInactiveInterval(interval);
			this.changed = true;
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return this.delegate.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}
	}
}
