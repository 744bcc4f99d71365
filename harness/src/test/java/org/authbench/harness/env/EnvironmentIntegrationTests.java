package org.authbench.harness.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	@Test
	void aTrialRecordsTheFlagsItsAppsRanWith(@TempDir Path dir) {
		Path home = Path.of("..").toAbsolutePath().normalize();
		Setup setup = Setup.parse("jwt-none");
		StackSpec spec = setup.apply(StackSpec.builder(setup.variant(), home).heap("512m").instances(1).build());

		Environment.writeTrial(dir, home, Map.of(setup, spec), Map.of("rounds", 4), "native");

		JsonNode env = JsonMapper.builder().build().readTree(dir.resolve("env.json").toFile());
		assertThat(env.path("jdk").path("flags").valueStream().map(JsonNode::asString)).containsExactly("-Xms512m",
				"-Xmx512m");
		assertThat(env.path("settings").path("setups").get(0).asString()).isEqualTo("jwt-none");
		assertThat(env.path("settings").path("trial").path("rounds").asInt()).isEqualTo(4);
		assertThat(env.path("runtime").asString()).isEqualTo("native");
	}
}
