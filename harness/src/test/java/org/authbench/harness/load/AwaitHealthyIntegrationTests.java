package org.authbench.harness.load;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.authbench.harness.http.Session;
import org.authbench.harness.stack.ChaosAction;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.TestStacks;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A study after a drill starts only once the stack is healthy again: with Redis down the wait
 * ends in a clear error naming what is not healthy, and once Redis is back it ends with the
 * clustered instance serving logins again (a 503 "Redis unavailable" before this wait existed).
 */
class AwaitHealthyIntegrationTests {

	@Test
	void theWaitNamesWhatIsDownAndEndsOnceALoginWorksAgain() throws Exception {
		Variant clustered = Variant.parse("clustered");
		StringWriter said = new StringWriter();
		LoadRun load = new LoadRun(new PrintWriter(said, true), TestStacks.home());
		LoadRun.LiveStack live = load.start(TestStacks.spec(clustered, 1).build(), false, "[it]");
		try {
			load.awaitHealthy(live, Duration.ofSeconds(10), "[it]");

			live.state = live.stack.chaos(live.state, ChaosAction.KILL, "redis");
			assertThatThrownBy(() -> load.awaitHealthy(live, Duration.ofSeconds(2), "[it]"))
				.isInstanceOf(StackException.class)
				.hasMessageContaining("not healthy again within 2 s")
				.hasMessageContaining("redis");

			live.state = live.stack.chaos(live.state, ChaosAction.START, "redis");
			load.awaitHealthy(live, Duration.ofSeconds(60), "[it]");
			Session session = new Session(live.state().url(), clustered.credential(),
					Duration.ofSeconds(5));
			assertThat(session.login("user0001", "changeit").status()).as("a login right after the wait").isEqualTo(200);
		}
		finally {
			load.stop(live, TestStacks.tempDir());
		}
	}
}
