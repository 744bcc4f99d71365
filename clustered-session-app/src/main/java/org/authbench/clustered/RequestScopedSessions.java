package org.authbench.clustered;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sessions loaded during the current request, so a second load of the same id in the same
 * request costs no Redis round trip. Spring Session's filter loads the session twice when the
 * response is committed before the filter ends (it commits the session then, and again at the
 * end, re-reading the requested session to learn its id): this is what makes one HTTP request
 * cost two reads. A session deleted (logout) is remembered as gone: Spring MVC asks for the
 * session id again after the handler, which would otherwise read Redis once more. Runs just
 * outside Spring Session's filter, so it spans both commits.
 */
final class RequestScopedSessions extends OncePerRequestFilter {

	private final ThreadLocal<Map<String, TunedSessionRepository.TunedSession>> loaded = new ThreadLocal<>();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.loaded.set(new HashMap<>());
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.loaded.remove();
		}
	}

	/** Whether this request already loaded or deleted the session with this id. */
	boolean knows(String id) {
		Map<String, TunedSessionRepository.TunedSession> sessions = this.loaded.get();
		return sessions != null && sessions.containsKey(id);
	}

	/**
	 * The session loaded earlier in this request under this id, null when it was deleted in
	 * this request or its id has changed since.
	 */
	TunedSessionRepository.TunedSession find(String id) {
		TunedSessionRepository.TunedSession session = this.loaded.get().get(id);
		return session != null && session.getId().equals(id) ? session : null;
	}

	void remember(String id, TunedSessionRepository.TunedSession session) {
		Map<String, TunedSessionRepository.TunedSession> sessions = this.loaded.get();
		if (sessions != null) {
			sessions.put(id, session);
		}
	}

	/** Remembers that the session is gone: a later load in this request answers null at once. */
	void deleted(String id) {
		remember(id, null);
	}
}
