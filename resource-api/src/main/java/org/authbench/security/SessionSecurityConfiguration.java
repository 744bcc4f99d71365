package org.authbench.security;

import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.IdentityResolver;
import org.authbench.system.ApiErrorWriter;
import org.authbench.system.AuthbenchProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The security wiring of both session variants, which differ only in where the HTTP session
 * lives. A variant imports it: {@code @Import(SessionSecurityConfiguration.class)}.
 *
 * <p>A session cookie is sent by the browser on its own, so every state-changing call needs a
 * CSRF token as well: Spring Security's SPA convention ({@code csrf.spa()}), the token handed
 * out at login as the {@code XSRF-TOKEN} cookie and sent back as the {@code X-XSRF-TOKEN}
 * header. The token lives in the cookie, not in the session, so checking it costs no session
 * store round trip. Login itself is exempt: the caller has no token yet.
 */
@Configuration(proxyBeanMethods = false)
public class SessionSecurityConfiguration {

	static final String LOGIN = "/api/auth/login";

	@Bean
	SecurityContextRepository securityContextRepository() {
		return SessionCredentials.repository();
	}

	/** Same flags as the session cookie, but readable by scripts: that is how a SPA sends it back. */
	@Bean
	CsrfTokenRepository csrfTokenRepository(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax").secure(secure));
		return tokens;
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiErrorWriter errors, SecurityContextRepository contexts,
			CsrfTokenRepository csrfTokens) throws Exception {
		ApiSecurity.apply(http, errors)
			.csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens).ignoringRequestMatchers(LOGIN))
			.securityContext(context -> context.securityContextRepository(contexts));
		return http.build();
	}

	@Bean
	IdentityResolver identityResolver() {
		return ApiSecurity.identityResolver();
	}

	@Bean
	CredentialStrategy sessionCredentials(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens,
			AuthbenchProperties settings) {
		return new SessionCredentials(contexts, csrfTokens, settings);
	}
}
