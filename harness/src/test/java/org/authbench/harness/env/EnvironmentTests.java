package org.authbench.harness.env;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTests {

	@Test
	void findsTheGatlingVersionInTheClasspath() {
		assertThat(Environment.match("/r/io/gatling/gatling-core/3.15.1/gatling-core-3.15.1.jar:/x/y.jar",
				"gatling-core-([0-9][^/:]*?)\\.jar")).isEqualTo("3.15.1");
	}
}
