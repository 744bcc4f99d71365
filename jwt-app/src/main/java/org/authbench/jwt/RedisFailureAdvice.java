package org.authbench.jwt;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.authbench.system.ApiErrorWriter;

/**
 * A Redis failure inside a controller (login, refresh, logout touch refresh families) is a
 * 503 JSON like one in a filter, not the generic 500 of the shared exception handler, which
 * would otherwise catch it before the shared {@code RedisUnavailableFilter} sees it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RedisFailureAdvice {

	private static final Logger log = LoggerFactory.getLogger(RedisFailureAdvice.class);

	private final ApiErrorWriter errors;

	private final String holds;

	RedisFailureAdvice(ApiErrorWriter errors, @Value("${authbench.redis.holds:state}") String holds) {
		this.errors = errors;
		this.holds = holds;
	}

	@ExceptionHandler(DataAccessException.class)
	void redisUnavailable(DataAccessException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.warn("Redis unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMostSpecificCause().toString());
		response.setHeader("Retry-After", "1");
		this.errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Redis unavailable: " + this.holds);
	}
}
