package org.authbench.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.Identity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The credential of both session variants: the security context stored in the HTTP session.
 * Where that session lives (Tomcat's memory or Redis through Spring Session) is the only
 * difference between them, and is not visible here.
 */
public final class SessionCredentials implements CredentialStrategy {

	private final SecurityContextRepository contexts;

	private final String instanceId;

	public SessionCredentials(SecurityContextRepository contexts, String instanceId) {
		this.contexts = contexts;
		this.instanceId = instanceId;
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
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ApiSecurity.authentication(identity));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", identity.username());
		body.put("roles", identity.roles());
		body.put("instance", this.instanceId);
		return body;
	}

	@Override
	public void revoke(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}
}
