package org.authbench.system;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure inside Spring MVC into an {@link ApiError}: never a stack trace, never
 * an HTML page. Unexpected exceptions are logged here and answered with a generic 500.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> api(ApiException ex, HttpServletRequest request) {
		return answer(ex.status(), ex.getMessage(), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
				return answer(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), request);
			}
		}
		return answer(HttpStatus.BAD_REQUEST, "request body is missing or is not valid JSON of the expected shape",
				request);
	}

	/**
	 * Spring MVC's own client errors (404 unknown route, 405, 415, missing parameters…) carry
	 * their status; anything else is unexpected, logged, and a generic 500.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> other(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
			String message = status == HttpStatus.NOT_FOUND
					? "no such route: " + request.getMethod() + " " + request.getRequestURI() : status.getReasonPhrase();
			return answer(status, message, request);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", request);
	}

	private static ResponseEntity<ApiError> answer(HttpStatus status, String message, HttpServletRequest request) {
		ApiError body = new ApiError(status.value(), status.getReasonPhrase(), message, request.getRequestURI());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
