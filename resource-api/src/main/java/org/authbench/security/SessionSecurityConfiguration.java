package org.authbench.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.IdentityResolver;
import org.authbench.system.ApiErrorWriter;
import org.authbench.system.AuthbenchProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The security wiring of both session variants, which differ only in where the HTTP session
 * lives. A variant imports it: {@code @Import(SessionSecurityConfiguration.class)}.
 *
 * <p>A session cookie is sent by the browser on its own, so every state-changing call needs a
 * CSRF token as well: Spring Security's SPA convention, the token handed out at login as the
 * {@code XSRF-TOKEN} cookie and sent back as the {@code X-XSRF-TOKEN} header. The token lives in
 * the cookie, not in the session, so checking it costs no session store round trip. Login itself
 * is exempt: the caller has no token yet.
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
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new CookieTokenRequestHandler())
				.ignoringRequestMatchers(LOGIN))
			.securityContext(context -> context.securityContextRepository(contexts))
			// Its only filter here would be DisableEncodeUrlFilter, one more response wrapper on every
			// request, which keeps the session id out of URLs that encodeURL rewrites. No URL is
			// rewritten: the session apps track sessions by cookie only (Tomcat's tracking modes;
			// Spring Session never uses Tomcat's session), and SessionCredentials changes the session
			// id at login itself. SessionSecurityCases holds both.
			.sessionManagement(AbstractHttpConfigurer::disable);
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

	/**
	 * What {@code csrf.spa()} does without its BREACH masking: every answer hands the
	 * {@code XSRF-TOKEN} cookie to a caller that lacks it, and a state-changing request must send
	 * the cookie's value back in the header. {@code csrf.spa()} also masks the token it exposes as
	 * a request attribute with fresh random bytes on every request (for a token written into an
	 * HTML page, where BREACH could read it out of compressed answers). No answer of these apps
	 * carries the token in its body, and that masking was 9% of the sticky app's CPU samples
	 * under load (JFR, 2026-12-04): {@code SecureRandom} on every request, GETs included.
	 */
	static final class CookieTokenRequestHandler extends CsrfTokenRequestAttributeHandler {

		/**
		 * Writes the token to the two request attributes that {@code super.handle} writes, without
		 * its trace line: commons-logging 1.3's SLF4J adapter formats a message before SLF4J checks
		 * the level, so that disabled line cost a {@code String.format} on every request (1% of
		 * the sticky app's profiled CPU, 2026-12-05). The token is loaded now, so a caller without
		 * the cookie gets one in this answer.
		 */
		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
			CsrfToken token = csrfToken.get();
			request.setAttribute(CsrfToken.class.getName(), token);
			request.setAttribute(token.getParameterName(), token);
		}
	}
}
