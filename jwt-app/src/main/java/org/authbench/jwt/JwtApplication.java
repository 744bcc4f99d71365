package org.authbench.jwt;

import org.authbench.identity.IdentityResolver;
import org.authbench.security.ApiSecurity;
import org.authbench.security.AuthContext;
import org.authbench.system.ApiErrorWriter;
import org.authbench.system.AuthbenchProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless access tokens: every request carries its identity, signed; no instance keeps
 * any state about it. Revocation ({@code authbench.jwt.revocation}) is what brings state back.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties({ JwtProperties.class, GatewayProperties.class })
public class JwtApplication {

	public static void main(String[] args) {
		SpringApplication.run(JwtApplication.class, args);
	}

	@Bean
	TokenService tokenService(JwtProperties settings, AuthbenchProperties shared) {
		int padding = shared.authContextBytes();
		return new TokenService(settings, padding > 0 ? AuthContext.padding(padding) : null);
	}

	@Bean
	Revocations revocations(JwtProperties settings, ObjectProvider<StringRedisTemplate> redis) {
		return switch (settings.revocation()) {
			case NONE -> Revocations.none();
			case DENYLIST -> Revocations.denylist(redis.getObject());
		};
	}

	@Bean
	JwtCredentials jwtCredentials(TokenService tokens, Revocations revocations) {
		return new JwtCredentials(tokens, revocations);
	}

	@Bean
	IdentityResolver identityResolver() {
		return ApiSecurity.identityResolver();
	}

	@Bean
	JwtAuthenticationFilter jwtAuthenticationFilter(TokenService tokens, Revocations revocations,
			ApiErrorWriter errors) {
		return new JwtAuthenticationFilter(tokens, revocations, errors);
	}

	/** The filter runs inside Spring Security's chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<JwtAuthenticationFilter> jwtFilterNotInServletChain(JwtAuthenticationFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiErrorWriter errors, JwtAuthenticationFilter bearer,
			GatewayProperties gateway) throws Exception {
		ApiSecurity.apply(http, errors)
			// Bearer tokens are not sent by browsers on their own: no CSRF exposure, no session.
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class);
		if (gateway.trust()) {
			http.addFilterBefore(new GatewayIdentityFilter(gateway.secret()), JwtAuthenticationFilter.class);
		}
		return http.build();
	}
}
