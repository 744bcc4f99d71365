package org.authbench.jwt;

import java.io.PrintWriter;
import java.util.Arrays;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.authbench.identity.IdentityResolver;
import org.authbench.security.ApiSecurity;
import org.authbench.security.AuthContext;
import org.authbench.system.ApiErrorWriter;
import org.authbench.system.AuthbenchProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless access tokens: every request carries its identity, signed; no instance keeps
 * any state about it. Refresh families live in Redis; revocation
 * ({@code authbench.jwt.revocation}) is what brings per-request state back.
 * {@code java -jar jwt-app.jar keys …} manages the keys file instead of starting the app.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties({ JwtProperties.class, GatewayProperties.class })
public class JwtApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "keys".equals(args[0])) {
			System.exit(KeysTool.run(new PrintWriter(System.out), new PrintWriter(System.err),
					Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(JwtApplication.class, args);
	}

	@Bean
	KeyRingSource keyRingSource(JwtProperties settings) {
		return new KeyRingSource(settings);
	}

	@Bean
	TokenService tokenService(JwtProperties settings, KeyRingSource keys, MeterRegistry meters,
			AuthbenchProperties shared) {
		Counter signatureChecks = Counter.builder("authbench.jwt.signature.checks")
			.description("Token signatures checked (counted right before the check; not for rejected-early tokens)")
			.register(meters);
		int padding = shared.authContextBytes();
		return new TokenService(settings, keys.load(), signatureChecks::increment,
				padding > 0 ? AuthContext.padding(padding) : null);
	}

	@Bean
	KeysFileWatcher keysFileWatcher(KeyRingSource keys, TokenService tokens, JwtProperties settings) {
		return new KeysFileWatcher(keys, tokens, settings.keysReload());
	}

	@Bean
	RefreshFamilies refreshFamilies(StringRedisTemplate redis, JwtProperties settings) {
		return new RefreshFamilies(redis, settings.refreshTtl());
	}

	@Bean
	Revocations revocations(JwtProperties settings, StringRedisTemplate redis) {
		return switch (settings.revocation()) {
			case NONE -> Revocations.none();
			case DENYLIST -> Revocations.denylist(redis);
			case TOKEN_VERSION -> Revocations.tokenVersion(redis);
		};
	}

	@Bean
	JwtCredentials jwtCredentials(TokenService tokens, RefreshFamilies families, Revocations revocations) {
		return new JwtCredentials(tokens, families, revocations);
	}

	/**
	 * The identity of the token this request's filter verified, as it is: rebuilding it from
	 * Spring Security's authorities on every request is work a stateless app need not do. In
	 * trust-gateway mode the gateway filter set the context, and the identity is read from it.
	 */
	@Bean
	IdentityResolver identityResolver() {
		IdentityResolver fromContext = ApiSecurity.identityResolver();
		return request -> JwtAuthenticationFilter.verified()
			.map(TokenService.Verified::identity)
			.or(() -> fromContext.resolve(request));
	}

	@Bean
	JwtAuthenticationFilter jwtAuthenticationFilter(TokenService tokens, Revocations revocations,
			ApiErrorWriter errors, GatewayProperties gateway) {
		return new JwtAuthenticationFilter(tokens, revocations, errors, gateway.trust());
	}

	/** The filter runs inside Spring Security's chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<JwtAuthenticationFilter> jwtFilterNotInServletChain(JwtAuthenticationFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/** The public keys are open to anyone, with or without a token. */
	@Bean
	@Order(0)
	SecurityFilterChain jwks(HttpSecurity http) throws Exception {
		http.securityMatcher(JwksController.PATH)
			.authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable);
		ApiSecurity.stateless(http);
		return http.build();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiErrorWriter errors, JwtAuthenticationFilter bearer,
			GatewayProperties gateway) throws Exception {
		ApiSecurity.apply(http, errors)
			// Bearer tokens are not sent by browsers on their own: no CSRF exposure, no session.
			.csrf(AbstractHttpConfigurer::disable)
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class);
		ApiSecurity.stateless(http);
		if (gateway.trust()) {
			http.addFilterBefore(new GatewayIdentityFilter(gateway.secret()), JwtAuthenticationFilter.class);
		}
		return http.build();
	}
}
