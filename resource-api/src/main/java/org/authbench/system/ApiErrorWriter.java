package org.authbench.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiError} straight to a servlet response, for the places that answer
 * before Spring MVC runs: filters, security entry points, the error page.
 */
public final class ApiErrorWriter {

	private final JsonMapper json;

	private final String instanceId;

	public ApiErrorWriter(JsonMapper json, String instanceId) {
		this.json = json;
		this.instanceId = instanceId;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setHeader(InstanceIdFilter.HEADER, this.instanceId);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		ApiError body = new ApiError(status.value(), status.getReasonPhrase(), message, request.getRequestURI());
		this.json.writeValue(response.getOutputStream(), body);
	}
}
