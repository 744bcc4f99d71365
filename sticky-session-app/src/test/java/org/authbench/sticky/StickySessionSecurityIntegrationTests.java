package org.authbench.sticky;

import org.authbench.security.SessionSecurityCases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** docs/security.md cases 18 and 19 against real sticky-session instances. */
class StickySessionSecurityIntegrationTests extends SessionSecurityCases {

	@Override
	protected ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(StickySessionApplication.class).run(args);
	}

	@Override
	protected String sessionCookieName() {
		return "JSESSIONID";
	}
}
