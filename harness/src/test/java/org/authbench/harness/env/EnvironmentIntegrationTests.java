package org.authbench.harness.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment a run records, collected on this machine: runs nginx -v, redis-server --version and git. */
class EnvironmentIntegrationTests {

	@Test
	@SuppressWarnings("unchecked")
	void describesTheMachineTheJdkAndTheSettings() {
		Path javaHome = Path.of(System.getProperty("java.home"));

		Map<String, Object> env = Environment.collect(Path.of("..").toAbsolutePath().normalize(), javaHome,
				List.of("-Xmx512m"), Map.of("variant", "jwt"));

		Map<String, Object> machine = (Map<String, Object>) env.get("machine");
		Map<String, Object> jdk = (Map<String, Object>) env.get("jdk");
		assertThat((Integer) machine.get("cores")).isPositive();
		assertThat(machine.get("cpuModel")).isNotNull();
		assertThat(jdk.get("version")).isEqualTo(System.getProperty("java.runtime.version"));
		assertThat(jdk.get("flags")).isEqualTo(List.of("-Xmx512m"));
		assertThat((String) env.get("redis")).startsWith("Redis server v=");
		assertThat((String) env.get("nginx")).contains("nginx/");
		assertThat(((Map<String, Object>) env.get("git")).get("commit")).asString().hasSize(40);
		assertThat(env.get("settings")).isEqualTo(Map.of("variant", "jwt"));
	}
}
