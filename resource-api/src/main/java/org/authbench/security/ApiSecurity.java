package org.authbench.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.authbench.identity.Identity;
import org.authbench.identity.IdentityResolver;
import org.authbench.system.ApiErrorWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * The rules every authenticating variant applies in the same way: which routes are open,
 * that {@code /api/admin/**} needs ADMIN, and that a missing or bad credential is a 401
 * JSON (never a redirect to a login page) and a missing role a 403 JSON.
 */
public final class ApiSecurity {

	private static final String ROLE_PREFIX = "ROLE_";

	/** The 403 message of a state-changing call with a session cookie but no or a wrong CSRF token. */
	static final String CSRF_REQUIRED = "CSRF token missing or wrong: send the XSRF-TOKEN cookie's value"
			+ " as the X-XSRF-TOKEN header";

	private ApiSecurity() {
	}

	/**
	 * What every app's chain has, the baseline's too: the firewall and the security headers, and
	 * none of the filters that this API does not use (form login, basic, logout, the request
	 * cache, anonymous tokens, the servlet API wrapper: each one a few µs on every request).
	 */
	public static HttpSecurity lean(HttpSecurity http) throws Exception {
		return http.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable);
	}

	/**
	 * A chain that keeps no state between requests, as {@code SessionCreationPolicy.STATELESS}
	 * does: no context is saved or loaded (each request's filter sets it, Spring Security's
	 * holder filter clears it), no request is saved for later, no session is created or read.
	 * Without STATELESS's {@code SessionManagementFilter}, which looks at every authenticated
	 * request to hand it to a session strategy that does nothing (1.5 profiled µs per request
	 * under load, docs/results.md), and without its request-attribute repository, which nothing
	 * here saves to but which was looked up on every request.
	 */
	public static HttpSecurity stateless(HttpSecurity http) throws Exception {
		http.setSharedObject(RequestCache.class, new NullRequestCache());
		return http.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()));
	}

	/** Applies the shared rules; the variant adds how the credential is read. */
	public static HttpSecurity apply(HttpSecurity http, ApiErrorWriter errors) throws Exception {
		return lean(http)
			.authorizeHttpRequests(routes -> routes
				// The resource routes first: they carry nearly all the traffic, and every rule tried
				// before the one that decides is a path match more on each request. None of the
				// later rules covers them: the order decides nothing else.
				.requestMatchers("/api/items", "/api/me")
				.authenticated()
				.requestMatchers("/api/auth/login", "/api/auth/refresh", "/error", "/actuator/health",
						"/actuator/health/**", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/api/admin/**")
				.hasRole(Identity.ADMIN)
				.anyRequest()
				.authenticated())
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
						HttpStatus.UNAUTHORIZED, "authentication required"))
				.accessDeniedHandler((request, response, ex) -> errors.write(request, response, HttpStatus.FORBIDDEN,
						ex instanceof CsrfException ? CSRF_REQUIRED : "role " + Identity.ADMIN + " required")));
	}

	/** The Spring Security authentication of an identity. */
	public static UsernamePasswordAuthenticationToken authentication(Identity identity) {
		// Loops, not streams, here and in identity(): both run on every authenticated request.
		List<GrantedAuthority> authorities = new ArrayList<>(identity.roles().size());
		for (String role : identity.roles()) {
			authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role));
		}
		return UsernamePasswordAuthenticationToken.authenticated(identity.username(), null, authorities);
	}

	/** Reads the identity back from Spring Security's context of the current request. */
	public static IdentityResolver identityResolver() {
		return request -> identity(SecurityContextHolder.getContext().getAuthentication());
	}

	static Optional<Identity> identity(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		List<String> roles = new ArrayList<>(authentication.getAuthorities().size());
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			String authority = granted.getAuthority();
			if (authority != null && authority.startsWith(ROLE_PREFIX)) {
				roles.add(authority.substring(ROLE_PREFIX.length()));
			}
		}
		return Optional.of(new Identity(authentication.getName(), roles));
	}
}
