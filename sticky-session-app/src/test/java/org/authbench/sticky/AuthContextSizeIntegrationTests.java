package org.authbench.sticky;

import java.io.IOException;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.authbench.security.AuthContext;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The auth-context knob (docs/design.md §3): the padding is kept in the instance's session, /api/me works. */
class AuthContextSizeIntegrationTests {

	@Test
	void theSessionHoldsTheConfiguredAuthContext() throws IOException {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StickySessionApplication.class)
			.run("--server.port=0", "--authbench.users.hash-cost=4", "--AUTHBENCH_AUTH_CONTEXT_BYTES=4096")) {
			TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
			ApiClient client = new ApiClient("http://127.0.0.1:" + server.getPort(), CredentialKind.COOKIE);
			client.login("user0401", "changeit");

			int me = client.get("/api/me").status();
			Session session = ((Context) server.getTomcat().getHost().findChildren()[0]).getManager()
				.findSession(client.cookie().substring("JSESSIONID=".length()));
			SecurityContext context = (SecurityContext) session.getSession()
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);

			assertThat(me).isEqualTo(200);
			assertThat(context.getAuthentication().getDetails()).isInstanceOfSatisfying(AuthContext.class,
					auth -> {
						assertThat(auth.padding()).hasSize(4096);
						assertThat(auth.roles()).containsExactly("USER");
					});
		}
	}
}
