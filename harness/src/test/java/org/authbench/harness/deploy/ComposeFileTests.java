package org.authbench.harness.deploy;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.authbench.harness.load.GatlingRunner;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.harness.deploy.DeployFixtures.at;
import static org.authbench.harness.deploy.DeployFixtures.list;
import static org.authbench.harness.deploy.DeployFixtures.map;

/** docker-compose.yml, read as YAML, agrees with the native launcher: variants, modes, settings, ports, nginx. */
class ComposeFileTests {

	static final String JWT_REF = Compose.secretReference("AUTHBENCH_JWT_SECRET");

	static final String GATEWAY_REF = Compose.secretReference("AUTHBENCH_GATEWAY_SECRET");

	static final Map<String, Object> SERVICES = map(DeployFixtures.yaml("docker-compose.yml").get("services"));

	static List<ContainerStack> stacks() {
		return ContainerStack.all();
	}

	static Map<String, Object> service(String name) {
		assertThat(SERVICES).as("service %s in docker-compose.yml", name).containsKey(name);
		return map(SERVICES.get(name));
	}

	@Test
	void everyVariantAndEveryNginxModeHasAProfile() {
		Set<String> profiles = SERVICES.values()
			.stream()
			.flatMap(service -> list(map(service).get("profiles")).stream())
			.map(String::valueOf)
			.filter(profile -> !profile.endsWith("-load"))
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(profiles).containsExactlyInAnyOrderElementsOf(stacks().stream().map(ContainerStack::name).toList());
		assertThat(stacks().stream().map(ContainerStack::variant)).containsAll(Variant.all());
		assertThat(stacks().stream().map(ContainerStack::lb)).containsAll(Arrays.asList(LbMode.values()));
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void everyInstanceGetsTheLaunchersSettings(ContainerStack stack) {
		StackSpec spec = stack.spec();
		for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
			Map<String, Object> app = service(stack.name() + "-app-" + n);
			String port = String.valueOf(spec.appPorts().get(n - 1));

			assertThat(map(app.get("environment"))).as("%s app-%d environment", stack.name(), n)
				.isEqualTo(new LinkedHashMap<>(DeployFixtures.launcherEnvironment(spec, n, JWT_REF, GATEWAY_REF)));
			assertThat(list(app.get("profiles"))).containsExactly(stack.name());
			assertThat(at(app, "build", "args", "MODULE")).isEqualTo(stack.variant().module());
			assertThat(list(app.get("expose"))).containsExactly(port);
			assertThat(list(at(app, "healthcheck", "test"))).contains("http://127.0.0.1:" + port + "/actuator/health");
			assertThat(list(at(app, "networks", "default", "aliases"))).containsExactly("app-" + n);
			assertThat(app.containsKey("depends_on") && map(app.get("depends_on")).containsKey("redis"))
				.as("%s app-%d waits for Redis", stack.name(), n)
				.isEqualTo(stack.variant().usesRedis());
		}
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void nginxRunsTheModesRenderedConfigAgainstTheseInstances(ContainerStack stack) {
		StackSpec spec = stack.spec();
		Map<String, Object> nginx = service(stack.name() + "-nginx");
		String folder = "deploy/nginx/" + stack.lb().id();
		String conf = DeployFixtures.read(folder + "/nginx.conf");

		assertThat(list(nginx.get("volumes"))).contains("./" + folder + ":/authbench/conf:ro");
		assertThat(list(nginx.get("ports"))).containsExactly(Compose.publishedPort(spec.port()) + ":" + spec.port());
		assertThat(conf).contains("listen 0.0.0.0:" + spec.port() + ";");
		List<String> instances = new java.util.ArrayList<>();
		for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
			Map<String, Object> app = service(stack.name() + "-app-" + n);
			instances.add(list(at(app, "networks", "default", "aliases")).get(0) + ":"
					+ map(app.get("environment")).get("SERVER_PORT"));
			assertThat(map(nginx.get("depends_on"))).containsKey(stack.name() + "-app-" + n);
		}
		assertThat(DeployFixtures.upstreamServers(conf, "backend")).containsExactlyElementsOf(instances);
		assertThat(Files.isRegularFile(DeployFixtures.HOME.resolve("deploy/nginx/start.sh"))).isTrue();
	}

	@Test
	void theNjsGatewayMountsItsScriptFromNginxItselfInsteadOfACopy() {
		Map<String, Object> nginx = service("jwt-gateway-njs-nginx");

		assertThat(list(nginx.get("volumes"))).contains("./nginx/gateway.js:/authbench/njs/gateway.js:ro");
		assertThat(Files.isRegularFile(DeployFixtures.HOME.resolve("nginx/gateway.js"))).isTrue();
		assertThat(DeployFixtures.HOME.resolve("deploy/nginx/gateway-njs/gateway.js")).doesNotExist();
		assertThat(DeployFixtures.read("deploy/nginx/start.sh")).contains("/authbench/njs/");
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void nginxAndTheInstancesShareTheirSecrets(ContainerStack stack) {
		Map<String, Object> env = nginxEnvironment(stack);
		Map<String, Object> app = map(service(stack.name() + "-app-1").get("environment"));

		assertThat(env).isEqualTo(new LinkedHashMap<>(expectedNginxEnvironment(stack)));
		if (stack.lb().isGateway()) {
			assertThat(env.get("AUTHBENCH_GATEWAY_SECRET")).isEqualTo(app.get("AUTHBENCH_JWT_GATEWAY_SECRET"));
			assertThat(DeployFixtures.read("deploy/nginx/" + stack.lb().id() + "/nginx.conf"))
				.contains("X-Gateway-Secret \"" + ContainerStack.GATEWAY_SECRET + "\"");
		}
		if (env.containsKey("AUTHBENCH_JWT_SECRET")) {
			assertThat(env.get("AUTHBENCH_JWT_SECRET")).isEqualTo(app.get("AUTHBENCH_JWT_SECRET"));
		}
	}

	private static Map<String, Object> nginxEnvironment(ContainerStack stack) {
		Object env = service(stack.name() + "-nginx").get("environment");
		return env == null ? Map.of() : map(env);
	}

	private static Map<String, String> expectedNginxEnvironment(ContainerStack stack) {
		Map<String, String> env = new LinkedHashMap<>();
		stack.spec().nginxEnvironment(JWT_REF).forEach(env::put);
		if (stack.lb().isGateway()) {
			env.put("AUTHBENCH_GATEWAY_SECRET", GATEWAY_REF);
		}
		return env;
	}

	@Test
	void everyServiceRunsAnImageThatAuthbenchImagesBuildsWithoutARegistry() {
		SERVICES.forEach((name, service) -> {
			Map<String, Object> build = map(map(service).get("build"));
			String dockerfile = String.valueOf(build.get("dockerfile"));

			assertThat(String.valueOf(map(service).get("image"))).as(name).startsWith("authbench/");
			assertThat(DeployFixtures.read(dockerfile)).as("%s: %s", name, dockerfile)
				.contains("FROM debian:bookworm-slim")
				.doesNotContain("--mount", "# syntax=");
			assertThat(DeployFixtures.read("deploy/images.sh")).as("deploy/images.sh builds %s", name)
				.contains(dockerfile.substring(dockerfile.lastIndexOf('/') + 1));
		});
		assertThat(DeployFixtures.yaml("docker-compose.yml")).as("no top-level key docker-compose 1.29 rejects")
			.containsOnlyKeys("services", "volumes");
	}

	@Test
	void redisRunsAsTheLauncherStartsItForTheProfilesThatUseIt() {
		Map<String, Object> redis = service("redis");
		List<Object> command = list(redis.get("command"));

		assertThat(list(redis.get("profiles"))).containsExactlyInAnyOrderElementsOf(
				stacks().stream().filter(s -> s.variant().usesRedis()).map(ContainerStack::name).toList());
		for (ContainerStack stack : stacks()) {
			if (stack.variant().usesRedis()) {
				assertThat(command.get(command.indexOf("--port") + 1))
					.isEqualTo(map(service(stack.name() + "-app-1").get("environment")).get("REDIS_PORT"));
			}
		}
		assertThat(command).containsSubsequence("--save", "", "--appendonly", "no");
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void gatlingStartsAsTheHarnessStartsIt(ContainerStack stack) {
		Map<String, Object> gatling = service(stack.name() + "-gatling");
		List<Object> command = list(gatling.get("command"));

		assertThat(command).containsSubsequence(GatlingRunner.JVM_OPTIONS.toArray());
		assertThat(command).containsSubsequence(GatlingRunner.MAIN_CLASS, "-s",
				GatlingRunner.SIMULATION_PACKAGE + "." + Scenario.THROUGHPUT.simulation(), "-rf");
		assertThat(command).contains("-Dcredential=" + stack.variant().credential().name().toLowerCase(),
				"-DbaseUrl=" + Compose.baseUrl(stack.spec().port()));
		for (String property : DeployFixtures.simulationProperties(stack)) {
			assertThat(command).anySatisfy(arg -> assertThat(arg.toString()).startsWith("-D" + property + "="));
		}
		assertThat(list(gatling.get("profiles"))).containsExactly(stack.name() + "-load");
		assertThat(map(gatling.get("depends_on"))).containsKey(stack.name() + "-nginx");
	}
}
