package org.authbench.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Turns a Redis failure (connection refused, command timeout) anywhere in the request,
 * including Spring Session's own load and commit, into a 503 JSON answer. Registered by
 * {@link SystemConfiguration} when Spring Data Redis is on the class path. Lettuce
 * reconnects by itself, so service resumes without a restart once Redis is back.
 *
 * <p>A plain filter, registered for REQUEST dispatches only: what {@code OncePerRequestFilter}
 * would add here is its already-filtered request attribute, looked up, set and removed on every
 * request (about 1% of the jwt app's profiled CPU under load, 2026-12-05), to guard against
 * dispatches this registration never sees.
 */
final class RedisUnavailableFilter extends HttpFilter {

	private static final Logger log = LoggerFactory.getLogger(RedisUnavailableFilter.class);

	private final ApiErrorWriter errors;

	private final String what;

	/**
	 * @param what what Redis holds for this variant, for the error message ("session store")
	 */
	RedisUnavailableFilter(ApiErrorWriter errors, String what) {
		this.errors = errors;
		this.what = what;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (DataAccessException ex) {
			unavailable(request, response, ex);
		}
		catch (ServletException | RuntimeException ex) {
			if (!(rootDataAccess(ex) instanceof DataAccessException dataAccess)) {
				throw ex;
			}
			unavailable(request, response, dataAccess);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response, DataAccessException ex)
			throws IOException {
		log.warn("Redis unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMostSpecificCause().toString());
		response.setHeader("Retry-After", "1");
		this.errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Redis unavailable: " + this.what);
	}

	private static Throwable rootDataAccess(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException) {
				return cause;
			}
		}
		return null;
	}
}
