package org.authbench.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.Identity;
import org.authbench.system.AuthbenchProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The credential of both session variants: the security context stored in the HTTP session.
 * Where that session lives (Tomcat's memory or Redis through Spring Session) is the only
 * difference between them, and is not visible here.
 *
 * <p>Login gives a new session id (an id that existed before login does not survive it), a
 * fresh CSRF token ({@code XSRF-TOKEN} cookie), and stores the caller's {@link AuthContext}
 * (roles plus {@code authbench.auth-context-bytes} of padding) with the security context.
 * Logout ends the session and clears the CSRF cookie.
 */
public final class SessionCredentials implements CredentialStrategy {

	private final SecurityContextRepository contexts;

	private final CsrfTokenRepository csrfTokens;

	private final AuthbenchProperties settings;

	public SessionCredentials(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens,
			AuthbenchProperties settings) {
		this.contexts = contexts;
		this.csrfTokens = csrfTokens;
		this.settings = settings;
	}

	/** The repository both the login and Spring Security's filter chain read and write. */
	public static SecurityContextRepository repository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Override
	public Map<String, Object> issue(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			// Session fixation: an id that existed before login must not survive it.
			request.changeSessionId();
		}
		UsernamePasswordAuthenticationToken authentication = ApiSecurity.authentication(identity);
		authentication.setDetails(AuthContext.of(identity, this.settings.authContextBytes()));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		if (this.csrfTokens.loadToken(request) != null) {
			// A token known before login (possibly planted) is replaced, like the session id. A
			// caller without one already got a fresh one in this answer: the CSRF filter hands the
			// XSRF-TOKEN cookie to every caller that lacks it (SessionSecurityConfiguration).
			this.csrfTokens.saveToken(this.csrfTokens.generateToken(request), request, response);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", identity.username());
		body.put("roles", identity.roles());
		body.put("instance", this.settings.instanceId());
		return body;
	}

	@Override
	public void revoke(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		this.csrfTokens.saveToken(null, request, response);
	}
}
