package org.authbench.harness.stack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configurations {@code compare --variants} accepts, and the stacks they make. */
class SetupTests {

	@Test
	void theFourVariantsAreTheirOwnDefaultSetups() {
		for (Variant variant : Variant.all()) {
			Setup setup = Setup.parse(variant.id());
			StackSpec stack = StackSpec.builder(variant, StackSpecTests.HOME).build();

			assertThat(setup.variant()).isEqualTo(variant);
			assertThat(setup.apply(stack)).isEqualTo(stack);
		}
	}

	@Test
	void aConfigurationAddsItsSettingsToEveryInstance() {
		StackSpec stack = StackSpec.builder(Variant.parse("jwt"), StackSpecTests.HOME).appEnv("AUTHBENCH_JWT_ACCESS_TTL", "5m").build();

		StackSpec none = Setup.parse("jwt-none").apply(stack);

		assertThat(none.appEnv()).containsEntry("AUTHBENCH_JWT_REVOCATION", "none")
			.containsEntry("AUTHBENCH_JWT_ACCESS_TTL", "5m");
		assertThat(none.lb()).isEqualTo(LbMode.ROUND_ROBIN);
		assertThat(Setup.parse("clustered-tuned").apply(StackSpec.builder(Variant.parse("clustered"), StackSpecTests.HOME).build())
			.appEnv()).containsEntry("AUTHBENCH_SESSION_STORE", "tuned");
	}

	@Test
	void theGatewaySetupsChangeTheNginxMode() {
		StackSpec stack = StackSpec.builder(Variant.parse("jwt"), StackSpecTests.HOME).build();

		assertThat(Setup.parse("jwt-gateway").apply(stack).lb()).isEqualTo(LbMode.GATEWAY);
		assertThat(Setup.parse("JWT-Gateway-NJS").apply(stack).lb()).isEqualTo(LbMode.GATEWAY_NJS);
	}

	@Test
	void anUnknownNameListsTheKnownOnes() {
		assertThatThrownBy(() -> Setup.parse("jwt-magic")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("unknown variant 'jwt-magic'")
			.hasMessageContaining("jwt-token-version")
			.hasMessageContaining("clustered-tuned");
	}

	@Test
	void theHaSetupsReachRedisThroughSentinelsOnPortsOfTheirOwn() {
		StackSpec stack = StackSpec.builder(Variant.parse("clustered"), StackSpecTests.HOME).redisPort(26390).build();

		StackSpec ha = Setup.parse("clustered-ha").apply(stack);
		Map<String, String> env = ha.appEnvironment(1, "secret", "gateway");

		assertThat(stack.redisHa()).isFalse();
		assertThat(ha.redisHa()).isTrue();
		assertThat(ha.replicaPort()).isEqualTo(26490);
		assertThat(ha.sentinelPorts()).containsExactly(26590, 26690, 26790);
		assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "redis-sentinel")
			.containsEntry("AUTHBENCH_REDIS_SENTINEL_MASTER", "authbench")
			.containsEntry("AUTHBENCH_REDIS_SENTINEL_NODES", "127.0.0.1:26590,127.0.0.1:26690,127.0.0.1:26790")
			.doesNotContainKey("REDIS_PORT");
		assertThat(Setup.parse("jwt-ha").apply(StackSpec.builder(Variant.parse("jwt"), StackSpecTests.HOME).build()).redisHa())
			.isTrue();
		assertThatThrownBy(() -> StackSpec.builder(Variant.parse("sticky"), StackSpecTests.HOME).build().withRedisHa(true))
			.hasMessageContaining("needs a variant that uses Redis");
	}
}
