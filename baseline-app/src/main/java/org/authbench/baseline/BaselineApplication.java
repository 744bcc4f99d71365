package org.authbench.baseline;

import java.util.Map;
import java.util.Optional;

import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.Identity;
import org.authbench.identity.IdentityResolver;
import org.authbench.security.ApiSecurity;
import org.authbench.system.AuthbenchProperties;
import org.authbench.users.UserDirectory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API with no authentication at all: every call acts as {@code user0001}. Login still
 * checks the password (so a login-heavy run costs the same hashing everywhere) but hands out
 * nothing. This is the ceiling every variant's cost is measured against. It runs the same lean
 * Spring Security chain as the variants ({@link ApiSecurity#lean}: firewall, security headers),
 * every route open, no session: what the variants add to it is their credential's cost.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@Bean
	SecurityFilterChain open(HttpSecurity http) throws Exception {
		ApiSecurity.lean(http)
			.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
		ApiSecurity.stateless(http);
		return http.build();
	}

	@Bean
	IdentityResolver everyoneIsUser0001() {
		Optional<Identity> user = Optional.of(new Identity(UserDirectory.userName(1), java.util.List.of(Identity.USER)));
		return request -> user;
	}

	@Bean
	CredentialStrategy noCredential(AuthbenchProperties settings) {
		return new CredentialStrategy() {
			@Override
			public Map<String, Object> issue(Identity identity, jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
				return Map.of("username", identity.username(), "roles", identity.roles(), "instance",
						settings.instanceId());
			}

			@Override
			public void revoke(Identity identity, jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
				// Nothing was issued, so nothing is taken back.
			}
		};
	}
}
