package org.authbench.clustered;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An unknown session store stops the app at start-up, naming the setting (no Redis needed). */
class SessionStorePropertiesTests {

	@Test
	void anUnknownStoreIsRefusedAtStartUp() {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ClusteredSessionApplication.class)
			.run("--server.port=0", "--authbench.users.hash-cost=4", "--AUTHBENCH_SESSION_STORE=bogus")
			.close());

		assertThat(failure).hasStackTraceContaining("Failed to bind properties under 'authbench.session.store'");
		assertThat(failure).rootCause().hasMessageContaining("Store.bogus");
	}
}
