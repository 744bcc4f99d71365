package org.authbench.jwt;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.security.ApiSecurity;
import org.authbench.system.ApiErrorWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer …}, verifies the access token and, if it holds, makes
 * its identity the request's. A request without the header goes on anonymous (and gets 401
 * where authentication is required); a request with a bad token is answered 401 here.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute holding the {@link TokenService.Verified} token, for logout. */
	static final String VERIFIED = JwtAuthenticationFilter.class.getName() + ".verified";

	private static final String BEARER = "Bearer ";

	private final TokenService tokens;

	private final Revocations revocations;

	private final ApiErrorWriter errors;

	JwtAuthenticationFilter(TokenService tokens, Revocations revocations, ApiErrorWriter errors) {
		this.tokens = tokens;
		this.revocations = revocations;
		this.errors = errors;
	}

	/** The token of an {@code Authorization: Bearer …} header, if the request has one. */
	static Optional<String> bearerToken(HttpServletRequest request) {
		return bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/**
	 * The token of an {@code Authorization} header value. Read the header once: behind Spring Security's
	 * firewall every {@code getHeader} checks the whole value with a regular expression (a third of
	 * this filter's time in a profile when it was read twice).
	 */
	static Optional<String> bearerToken(String header) {
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		return Optional.of(header.substring(BEARER.length()).trim());
	}

	/** In trust-gateway mode the gateway filter has already decided who is calling. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getAttribute(GatewayIdentityFilter.DECIDED) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
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
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ApiSecurity.authentication(verified.get().identity()));
		SecurityContextHolder.setContext(context);
		request.setAttribute(VERIFIED, verified.get());
		// Spring Security's SecurityContextHolderFilter, ahead of this one, clears the context after the request.
		chain.doFilter(request, response);
	}
}
