package org.authbench.harness.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.authbench.harness.load.GatlingRunner;
import org.authbench.harness.nginx.NginxConfig;
import org.authbench.harness.stack.StackSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.harness.deploy.DeployFixtures.at;
import static org.authbench.harness.deploy.DeployFixtures.list;
import static org.authbench.harness.deploy.DeployFixtures.map;

/** deploy/k8s/<stack>/, read as YAML, agrees with the native launcher and with nginx/ as it renders today. */
class KubernetesManifestsTests {

	static final String JWT_REF = "secret:authbench/jwt-secret";

	static final String GATEWAY_REF = "secret:authbench/gateway-secret";

	static List<ContainerStack> stacks() {
		return ContainerStack.all();
	}

	static List<Map<String, Object>> manifests(ContainerStack stack) {
		return DeployFixtures.documents("deploy/k8s/" + stack.name() + "/stack.yaml");
	}

	static Optional<Map<String, Object>> find(List<Map<String, Object>> documents, String kind, String name) {
		return documents.stream()
			.filter(doc -> kind.equals(doc.get("kind")) && name.equals(at(doc, "metadata", "name")))
			.findFirst();
	}

	static Map<String, Object> get(List<Map<String, Object>> documents, String kind, String name) {
		return find(documents, kind, name).orElseThrow(() -> new AssertionError(kind + " " + name + " is missing"));
	}

	static Map<String, Object> container(Map<String, Object> workload) {
		return map(list(at(workload, "spec", "template", "spec", "containers")).get(0));
	}

	/** A container's environment, secrets as {@code secret:<name>/<key>}. */
	static Map<String, Object> env(Map<String, Object> container) {
		Map<String, Object> env = new LinkedHashMap<>();
		Object entries = container.get("env");
		for (Object entry : entries == null ? List.of() : list(entries)) {
			Map<String, Object> variable = map(entry);
			Object ref = at(variable, "valueFrom", "secretKeyRef");
			env.put((String) variable.get("name"), ref == null ? variable.get("value")
					: "secret:" + map(ref).get("name") + "/" + map(ref).get("key"));
		}
		return env;
	}

	static int servicePort(Map<String, Object> service) {
		return (Integer) map(list(at(service, "spec", "ports")).get(0)).get("port");
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void everyInstanceIsADeploymentWithTheLaunchersSettingsBehindItsOwnService(ContainerStack stack) {
		List<Map<String, Object>> documents = manifests(stack);
		StackSpec spec = stack.spec();

		for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
			Map<String, Object> deployment = get(documents, "Deployment", "app-" + n);
			Map<String, Object> service = get(documents, "Service", "app-" + n);
			int port = spec.appPorts().get(n - 1);
			Map<String, Object> container = container(deployment);

			assertThat(env(container)).as("%s app-%d env", stack.name(), n)
				.isEqualTo(new LinkedHashMap<>(DeployFixtures.launcherEnvironment(spec, n, JWT_REF, GATEWAY_REF)));
			assertThat(at(deployment, "spec", "replicas")).isEqualTo(1);
			assertThat((String) container.get("image")).contains("/" + stack.variant().module() + ":");
			assertThat(map(list(container.get("ports")).get(0)).get("containerPort")).isEqualTo(port);
			assertThat(at(container, "readinessProbe", "httpGet", "port")).isEqualTo(port);
			assertThat(servicePort(service)).isEqualTo(port);
			assertThat(map(at(deployment, "spec", "template", "metadata", "labels")))
				.containsAllEntriesOf(map(at(service, "spec", "selector")));
		}
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void redisIsThereExactlyWhenTheVariantUsesIt(ContainerStack stack) {
		List<Map<String, Object>> documents = manifests(stack);

		Optional<Map<String, Object>> redis = find(documents, "Deployment", "redis");

		assertThat(redis).as("%s: a Redis Deployment", stack.name()).isEqualTo(
				stack.variant().usesRedis() ? Optional.of(redis.orElseThrow()) : Optional.empty());
		redis.ifPresent(deployment -> {
			List<Object> command = list(container(deployment).get("command"));
			assertThat(command.get(command.indexOf("--port") + 1)).isEqualTo(String.valueOf(stack.spec().redisPort()));
			assertThat(servicePort(get(documents, "Service", "redis"))).isEqualTo(stack.spec().redisPort());
		});
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void nginxRunsTheConfigRenderedFromTheTemplatesToday(ContainerStack stack) {
		List<Map<String, Object>> documents = manifests(stack);
		Map<String, Object> data = map(get(documents, "ConfigMap", "nginx").get("data"));
		Map<String, Object> nginx = get(documents, "Deployment", "nginx");
		Map<String, String> rendered = stack.spec()
			.nginxConfig(ContainerStack.GATEWAY_SECRET)
			.files(DeployFixtures.HOME.resolve("nginx"), ContainerStack.NGINX_PREFIX, ContainerStack.NGINX_LOGS,
					new NginxConfig.Addresses("0.0.0.0", List.of("app-1", "app-2", "app-3")));

		rendered.forEach((name, text) -> {
			assertThat(data.get(name)).as("%s: ConfigMap nginx, %s, against nginx/ rendered now", stack.name(), name)
				.isEqualTo(text);
			// The njs script is not copied to deploy/nginx/: compose mounts nginx/gateway.js itself.
			String committed = name.equals(NginxConfig.NJS_SCRIPT) ? "nginx/" + name
					: "deploy/nginx/" + stack.lb().id() + "/" + name;
			assertThat(data.get(name)).as("%s: ConfigMap nginx, %s, against %s", stack.name(), name, committed)
				.isEqualTo(DeployFixtures.read(committed));
		});
		assertThat(data.get("start.sh")).isEqualTo(DeployFixtures.read("deploy/nginx/start.sh"));
		assertThat(servicePort(get(documents, "Service", "nginx"))).isEqualTo(stack.spec().port());
		Map<String, Object> expectedEnv = new LinkedHashMap<>(stack.spec().nginxEnvironment(JWT_REF));
		if (stack.lb().isGateway()) {
			expectedEnv.put("AUTHBENCH_GATEWAY_SECRET", GATEWAY_REF);
		}
		assertThat(env(container(nginx))).isEqualTo(expectedEnv);
		for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
			assertThat(DeployFixtures.upstreamServers((String) data.get("nginx.conf"), "backend"))
				.contains("app-" + n + ":" + servicePort(get(documents, "Service", "app-" + n)));
		}
	}

	@ParameterizedTest
	@MethodSource("stacks")
	void theGatlingJobRunsWhatComposeRunsAgainstTheClustersNginx(ContainerStack stack) {
		Map<String, Object> job = DeployFixtures.yaml("deploy/k8s/" + stack.name() + "/gatling-job.yaml");
		List<Object> command = list(container(job).get("command"));
		List<Object> compose = list(map(ComposeFileTests.service(stack.name() + "-gatling")).get("command"));

		assertThat(job.get("kind")).isEqualTo("Job");
		assertThat(command).containsSubsequence(GatlingRunner.JVM_OPTIONS.toArray());
		assertThat(command).contains("-DbaseUrl=http://nginx:" + stack.spec().port());
		assertThat(command.stream().filter(arg -> !arg.toString().startsWith("-DbaseUrl=")).toList())
			.isEqualTo(compose.stream().filter(arg -> !arg.toString().startsWith("-DbaseUrl=")).toList());
	}
}
