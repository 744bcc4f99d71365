package org.authbench.sticky;

import org.apache.catalina.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.authbench.security.SessionSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Sessions in Tomcat's memory: fast, and lost with the instance that holds them. The
 * instance's route rides in the cookie ({@code JSESSIONID=<id>.<route>}) so that nginx can
 * send each client back to the instance that created its session.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Import(SessionSecurityConfiguration.class)
public class StickySessionApplication {

	public static void main(String[] args) {
		SpringApplication.run(StickySessionApplication.class, args);
	}

	/** Embedded Tomcat ignores {@code -DjvmRoute}: the route has to be set on the Engine. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jvmRoute(@Value("${authbench.session.route}") String route) {
		return factory -> factory.addContextCustomizers(context -> ((Engine) context.getParent().getParent())
			.setJvmRoute(route));
	}

}
