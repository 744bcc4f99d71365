package org.authbench.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.identity.Identity;
import org.authbench.security.ApiSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Trust-gateway mode: the gateway has verified the token; the caller arrives as {@code X-User}
 * and {@code X-Roles}, believed only with the shared {@code X-Gateway-Secret} (compared in
 * constant time). Without it the request stays anonymous (401 where authentication is needed),
 * whatever identity header or bearer token it carries. The authorizer endpoint is the one path
 * left to the bearer filter: verifying tokens for the gateway is its job.
 */
class GatewayIdentityFilter extends OncePerRequestFilter {

	/** Request attribute: this filter decided the identity; the bearer filter stays out. */
	static final String DECIDED = GatewayIdentityFilter.class.getName() + ".decided";

	static final String USER = "X-User";

	static final String ROLES = "X-Roles";

	static final String SECRET = "X-Gateway-Secret";

	private static final String AUTHORIZER = "/api/auth/authorize";

	private final byte[] secret;

	GatewayIdentityFilter(String secret) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().equals(request.getContextPath() + AUTHORIZER)) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(DECIDED, Boolean.TRUE);
		String user = request.getHeader(USER);
		if (!fromGateway(request) || user == null || user.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ApiSecurity.authentication(new Identity(user, roles(request.getHeader(ROLES)))));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private boolean fromGateway(HttpServletRequest request) {
		String sent = request.getHeader(SECRET);
		return sent != null && MessageDigest.isEqual(this.secret, sent.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> roles(String header) {
		if (header == null) {
			return List.of();
		}
		return Arrays.stream(header.split(",")).map(String::trim).filter(role -> !role.isEmpty()).toList();
	}
}
