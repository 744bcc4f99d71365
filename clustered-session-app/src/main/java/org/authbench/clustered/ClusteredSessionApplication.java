package org.authbench.clustered;

import org.authbench.security.SessionSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Sessions in Redis through Spring Session (the repository is a setting, see
 * {@link SessionStoreProperties}): any instance
 * serves any session, at the price of Redis round trips on every request and Redis as a
 * single point of failure. While Redis is unreachable, requests fail fast with a 503 JSON.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Import({ SessionSecurityConfiguration.class, SessionStoreConfiguration.class })
public class ClusteredSessionApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClusteredSessionApplication.class, args);
	}
}
