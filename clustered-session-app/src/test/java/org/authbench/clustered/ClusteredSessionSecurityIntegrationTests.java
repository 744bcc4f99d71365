package org.authbench.clustered;

import java.util.Arrays;
import java.util.stream.Stream;

import org.authbench.security.SessionSecurityCases;
import org.authbench.testsupport.RedisServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/security.md cases 18 and 19 against real clustered-session instances on a real Redis, with
 * the default session store (case 20, Redis unreachable, is in
 * {@link ClusteredSessionIntegrationTests}).
 */
class ClusteredSessionSecurityIntegrationTests extends SessionSecurityCases {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	/** Extra arguments of every instance this class starts, e.g. another session store. */
	protected Stream<String> settings() {
		return Stream.empty();
	}

	@Override
	protected ConfigurableApplicationContext start(String... args) {
		String[] all = Stream
			.of(Arrays.stream(args), settings(), Stream.of("--spring.data.redis.port=" + redis.port(),
					// Generous: a loaded machine may take longer than 500 ms for the first connection.
					"--spring.data.redis.connect-timeout=5s", "--spring.data.redis.timeout=5s"))
			.flatMap(s -> s)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ClusteredSessionApplication.class).run(all);
	}

	@Override
	protected String sessionCookieName() {
		return "SESSION";
	}
}
