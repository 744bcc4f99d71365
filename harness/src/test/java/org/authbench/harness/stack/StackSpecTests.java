package org.authbench.harness.stack;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code up} starts when told little: the defaults, and the combinations it refuses. */
class StackSpecTests {

	static final Path HOME = Path.of("/opt/authbench");

	@Test
	void theStickyVariantDefaultsToStickyRoutingAndTheOthersToRoundRobin() {
		assertThat(StackSpec.builder(Variant.parse("sticky"), HOME).build().lb()).isEqualTo(LbMode.STICKY);
		assertThat(StackSpec.builder(Variant.parse("baseline"), HOME).build().lb()).isEqualTo(LbMode.ROUND_ROBIN);
		assertThat(StackSpec.builder(Variant.parse("clustered"), HOME).build().lb()).isEqualTo(LbMode.ROUND_ROBIN);
		assertThat(StackSpec.builder(Variant.parse("jwt"), HOME).build().lb()).isEqualTo(LbMode.ROUND_ROBIN);
	}

	@Test
	void defaultsFollowTheDesign() {
		StackSpec spec = StackSpec.builder(Variant.parse("clustered"), HOME).build();

		assertThat(spec.instances()).isEqualTo(3);
		assertThat(spec.port()).isEqualTo(8080);
		assertThat(spec.appPorts()).containsExactly(9001, 9002, 9003);
		assertThat(spec.redisPort()).isEqualTo(6390);
		assertThat(spec.redisPersistence()).isFalse();
		assertThat(spec.runDir()).isEqualTo(HOME.resolve(".authbench/run"));
		assertThat(spec.appJar()).isEqualTo(HOME.resolve("clustered-session-app/target/clustered-session-app-0.1.0-SNAPSHOT.jar"));
		assertThat(spec.javaBinary()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
	}

	@Test
	void everyInstanceGetsTheSameFixedHeapBeforeTheExtraOptions() {
		StackSpec spec = StackSpec.builder(Variant.parse("sticky"), HOME).jvmOption("-Xlog:gc").build();

		assertThat(spec.launchOptions()).containsExactly("-Xms1g", "-Xmx1g", "-Xlog:gc");
		assertThat(new StackPlan(spec).app(1).command().subList(1, 4)).containsExactly("-Xms1g", "-Xmx1g", "-Xlog:gc");
		assertThat(StackSpec.builder(Variant.parse("sticky"), HOME).heap("512m").build().launchOptions())
			.containsExactly("-Xms512m", "-Xmx512m");
		assertThat(StackSpec.builder(Variant.parse("sticky"), HOME).heap(StackSpec.JVM_HEAP).build().launchOptions())
			.isEmpty();
		assertThat(spec.relocated(8081, 9101, 6391, HOME).heap()).isEqualTo("1g");
		assertThatThrownBy(() -> StackSpec.builder(Variant.parse("sticky"), HOME).heap("1 GB").build())
			.hasMessageContaining("--heap needs a size such as 512m or 1g, or 'jvm'");
	}

	@Test
	void theGatewayModesNeedJwtAndStickyRoutingNeedsTheStickyVariant() {
		assertThatThrownBy(() -> StackSpec.builder(Variant.parse("clustered"), HOME).lb(LbMode.GATEWAY).build())
			.hasMessageContaining("needs --variant jwt");
		assertThatThrownBy(() -> StackSpec.builder(Variant.parse("jwt"), HOME).lb(LbMode.STICKY).build())
			.hasMessageContaining("sticky variant only");
		assertThat(StackSpec.builder(Variant.parse("jwt"), HOME).lb(LbMode.GATEWAY_NJS).build().lb()).isEqualTo(LbMode.GATEWAY_NJS);
	}

	@Test
	void instanceCountAndPortsMustAgree() {
		assertThatThrownBy(() -> StackSpec.builder(Variant.parse("baseline"), HOME).instances(0).build())
			.hasMessageContaining("--instances must be 1..");
		assertThatThrownBy(() -> StackSpec.builder(Variant.parse("baseline"), HOME).instances(2).appPorts(List.of(9001)).build())
			.hasMessageContaining("2 instances need 2 app ports");
	}

	@Test
	void eachInstanceGetsItsOwnIdRouteAndTheSharedSecrets() {
		StackPlan plan = new StackPlan(StackSpec.builder(Variant.parse("jwt"), HOME).lb(LbMode.GATEWAY).instances(2).hashCost(4).build());

		Member first = plan.app(1);
		Member second = plan.app(2);

		assertThat(first.env()).containsEntry("SERVER_PORT", "9001")
			.containsEntry("AUTHBENCH_INSTANCE_ID", "jwt-1")
			.containsEntry("REDIS_PORT", "6390")
			.containsEntry("AUTHBENCH_HASH_COST", "4")
			.containsEntry("AUTHBENCH_JWT_TRUST_GATEWAY", "true")
			.doesNotContainKey("AUTHBENCH_ROUTE");
		assertThat(second.env().get("AUTHBENCH_JWT_SECRET")).isEqualTo(first.env().get("AUTHBENCH_JWT_SECRET"))
			.isNotEqualTo(new StackPlan(StackSpec.builder(Variant.parse("jwt"), HOME).build()).jwtSecret);
		assertThat(second.env().get("AUTHBENCH_JWT_GATEWAY_SECRET")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(new StackPlan(StackSpec.builder(Variant.parse("sticky"), HOME).build()).app(3).env())
			.containsEntry("AUTHBENCH_ROUTE", "app3");
	}
}
