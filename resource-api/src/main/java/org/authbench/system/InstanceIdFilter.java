package org.authbench.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts {@code X-Instance-Id} on every response, errors included, so routing is visible. */
final class InstanceIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Instance-Id";

	private final String instanceId;

	InstanceIdFilter(String instanceId) {
		this.instanceId = instanceId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, this.instanceId);
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
