package org.authbench.clustered;

import java.util.Arrays;
import java.util.stream.Stream;

import org.authbench.security.SessionSecurityContractTests;
import org.authbench.testsupport.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SECURITY-CASES.md 18 and 19 against real clustered-session instances on a real Redis
 * (case 20, Redis unreachable, is in {@link ClusteredSessionIntegrationTests}).
 */
class ClusteredSessionSecurityTests extends SessionSecurityContractTests {

	static final RedisProcess redis = RedisProcess.start();

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Override
	protected ConfigurableApplicationContext start(String... args) {
		String[] all = Stream.concat(Arrays.stream(args), Stream.of("--spring.data.redis.port=" + redis.port()))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ClusteredSessionApplication.class).run(all);
	}

	@Override
	protected String sessionCookieName() {
		return "SESSION";
	}
}
