package org.authbench.system;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page for failures outside Spring MVC (filters, the container): JSON whatever
 * the client accepts, replacing Boot's whitelabel page.
 */
@RestController
class JsonErrorController implements ErrorController {

	private final ApiErrorWriter errors;

	JsonErrorController(ApiErrorWriter errors) {
		this.errors = errors;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		if (status == null || status.is2xxSuccessful()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String message = status.is5xxServerError() ? "internal error" : status.getReasonPhrase();
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		this.errors.write(new PathOverride(request, uri), response, status, message);
	}

	/** Reports the path that failed instead of {@code /error}. */
	private static final class PathOverride extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final Object uri;

		PathOverride(HttpServletRequest request, Object uri) {
			super(request);
			this.uri = uri;
		}

		@Override
		public String getRequestURI() {
			return this.uri instanceof String path ? path : super.getRequestURI();
		}
	}
}
