package org.authbench.clustered;

import java.util.Arrays;
import java.util.stream.Stream;

import org.authbench.security.SessionSecurityCases;
import org.authbench.testsupport.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/security.md cases 18 and 19 against real clustered-session instances on a real Redis, with
 * the default session store (case 20, Redis unreachable, is in
 * {@link ClusteredSessionIntegrationTests}).
 */
class ClusteredSessionSecurityIntegrationTests extends SessionSecurityCases {

	private final RedisProcess redis = RedisProcess.start();

	/** Extra arguments of every instance this class starts, e.g. another session store. */
	protected Stream<String> settings() {
		return Stream.empty();
	}

	@Override
	protected ConfigurableApplicationContext start(String... args) {
		String[] all = Stream
			.of(Arrays.stream(args), settings(), Stream.of("--spring.data.redis.port=" + this.redis.port(),
					// Generous: a loaded machine may take longer than 500 ms for the first connection.
					"--spring.data.redis.connect-timeout=5s", "--spring.data.redis.timeout=5s"))
			.flatMap(s -> s)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ClusteredSessionApplication.class).run(all);
	}

	/** An override loses the parent's @AfterAll: without it here, neither app nor Redis would be stopped. */
	@AfterAll
	@Override
	protected void stopApp() {
		super.stopApp();
		this.redis.close();
	}

	@Override
	protected String sessionCookieName() {
		return "SESSION";
	}
}
