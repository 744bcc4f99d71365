package org.authbench.security;

import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.IdentityResolver;
import org.authbench.system.ApiErrorWriter;
import org.authbench.system.AuthbenchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The security wiring of both session variants, which differ only in where the HTTP session
 * lives. A variant imports it: {@code @Import(SessionSecurityConfiguration.class)}.
 */
@Configuration(proxyBeanMethods = false)
public class SessionSecurityConfiguration {

	@Bean
	SecurityContextRepository securityContextRepository() {
		return SessionCredentials.repository();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiErrorWriter errors, SecurityContextRepository contexts)
			throws Exception {
		ApiSecurity.apply(http, errors)
			// CSRF for cookie credentials arrives with the session security defaults (issue 8).
			.csrf(AbstractHttpConfigurer::disable)
			.securityContext(context -> context.securityContextRepository(contexts));
		return http.build();
	}

	@Bean
	IdentityResolver identityResolver() {
		return ApiSecurity.identityResolver();
	}

	@Bean
	CredentialStrategy sessionCredentials(SecurityContextRepository contexts, AuthbenchProperties settings) {
		return new SessionCredentials(contexts, settings.instanceId());
	}
}
