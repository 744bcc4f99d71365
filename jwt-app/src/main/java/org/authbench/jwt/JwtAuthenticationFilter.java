package org.authbench.jwt;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.security.ApiSecurity;
import org.authbench.system.ApiErrorWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads {@code Authorization: Bearer …}, verifies the access token and, if it holds, makes
 * its identity the request's. A request without the header goes on anonymous (and gets 401
 * where authentication is required); a request with a bad token is answered 401 here.
 * It runs in Spring Security's chain only, once per request (not on error or async dispatches),
 * and touches no request attribute: each costs a lookup through every request wrapper, and a
 * missing one Tomcat's check of the TLS attribute names too (docs/results.md).
 */
class JwtAuthenticationFilter implements Filter {

	private static final String BEARER = "Bearer ";

	private final TokenService tokens;

	private final Revocations revocations;

	private final ApiErrorWriter errors;

	private final boolean gatewayTrusted;

	/**
	 * @param gatewayTrusted trust-gateway mode: where {@link GatewayIdentityFilter} has decided who
	 * is calling, this filter stays out
	 */
	JwtAuthenticationFilter(TokenService tokens, Revocations revocations, ApiErrorWriter errors,
			boolean gatewayTrusted) {
		this.tokens = tokens;
		this.revocations = revocations;
		this.errors = errors;
		this.gatewayTrusted = gatewayTrusted;
	}

	/** The token of an {@code Authorization: Bearer …} header, if the request has one. */
	static Optional<String> bearerToken(HttpServletRequest request) {
		return bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/**
	 * The token of an {@code Authorization} header value. Read the header once: behind Spring Security's
	 * firewall every {@code getHeader} checks the whole value (a third of this filter's time in a
	 * profile when it was read twice with Spring's regular expression).
	 */
	static Optional<String> bearerToken(String header) {
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		return Optional.of(header.substring(BEARER.length()).trim());
	}

	/** The token this request's filter verified, if it verified one. */
	static Optional<TokenService.Verified> verified() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getDetails() instanceof TokenService.Verified token
				? Optional.of(token) : Optional.empty();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (request.getDispatcherType() != DispatcherType.REQUEST
				|| this.gatewayTrusted && request.getAttribute(GatewayIdentityFilter.DECIDED) != null) {
			chain.doFilter(request, response);
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<TokenService.Verified> verified = bearerToken(header)
			.flatMap(token -> this.tokens.verify(token, TokenService.Use.ACCESS));
		if (verified.isEmpty() || this.revocations.isRevoked(verified.get())) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			this.errors.write(request, response, HttpStatus.UNAUTHORIZED, "invalid or expired token");
			return;
		}
		UsernamePasswordAuthenticationToken authentication = ApiSecurity.authentication(verified.get().identity());
		authentication.setDetails(verified.get());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		// Spring Security's SecurityContextHolderFilter, ahead of this one, clears the context after the request.
		chain.doFilter(request, response);
	}
}
