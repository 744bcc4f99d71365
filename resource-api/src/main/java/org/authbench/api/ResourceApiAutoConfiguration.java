package org.authbench.api;

import java.util.List;

import org.authbench.identity.IdentityResolver;
import org.authbench.security.HeaderRule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.authbench.system.SystemConfiguration;

/**
 * Brings the shared API into any Spring Boot app that has {@code resource-api} on its class
 * path. The app supplies one {@link IdentityResolver} and one
 * {@link org.authbench.identity.CredentialStrategy}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ComponentScan(basePackageClasses = ResourceApiAutoConfiguration.class)
@Import(SystemConfiguration.class)
public class ResourceApiAutoConfiguration {

	/** Spring Security's strict firewall, checking header names and values without a regular expression. */
	@Bean
	HttpFirewall httpFirewall() {
		return HeaderRule.firewall();
	}

	@Bean
	WebMvcConfigurer callerArguments(IdentityResolver identities) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerResolver(identities));
			}
		};
	}
}
