package org.authbench.testsupport;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTests {

	@Test
	void aPortIsHandedOutOnceBelowTheEphemeralRange() {
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			int port = FreePorts.next();
			assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
			assertThat(port).isBetween(FreePorts.FIRST, FreePorts.LAST - 1);
		}
	}
}
