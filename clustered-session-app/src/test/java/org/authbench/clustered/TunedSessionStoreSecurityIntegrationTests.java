package org.authbench.clustered;

import java.util.stream.Stream;

/** The same security cases with the tuned session store, which writes to Redis less often. */
class TunedSessionStoreSecurityIntegrationTests extends ClusteredSessionSecurityIntegrationTests {

	@Override
	protected Stream<String> settings() {
		return Stream.of("--authbench.session.store=tuned");
	}
}
