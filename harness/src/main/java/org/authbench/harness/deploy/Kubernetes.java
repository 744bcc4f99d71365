package org.authbench.harness.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.authbench.harness.stack.StackSpec;

/**
 * Kubernetes manifests of one {@link ContainerStack}: {@code stack.yaml} (Redis when the variant
 * uses it; per instance a Deployment of one replica and a Service {@code app-<n>}, so that nginx
 * sees each instance as the launcher's nginx does, for stickiness and passive failover; nginx
 * with its rendered config in a ConfigMap, behind a LoadBalancer Service) and
 * {@code gatling-job.yaml} (the injector as a Job). Secrets come from the Secret {@code authbench}.
 */
final class Kubernetes {

	/** The Secret the apps and nginx read, and its keys. */
	static final String SECRET = "authbench";

	static final Map<String, String> SECRET_KEYS = Map.of(ContainerStack.JWT_SECRET, "jwt-secret",
			ContainerStack.GATEWAY_SECRET, "gateway-secret");

	static final String STACK_FILE = "stack.yaml";

	static final String JOB_FILE = "gatling-job.yaml";

	private Kubernetes() {
	}

	/** redis-server as the launcher starts it, listening on the pod's addresses. */
	static List<String> redisCommand(StackSpec spec) {
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(spec.redisPort()),
				"--bind", "0.0.0.0", "--protected-mode", "no", "--save", ""));
		command.addAll(spec.redisPersistence() ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
				: List.of("--appendonly", "no"));
		return command;
	}

	static String stack(ContainerStack stack, Map<String, String> nginxFiles, String startScript) {
		List<Map<String, Object>> documents = new ArrayList<>();
		StackSpec spec = stack.spec();
		if (stack.variant().usesRedis()) {
			Map<String, Object> container = container(ContainerStack.REDIS, ContainerStack.image(ContainerStack.REDIS),
					spec.redisPort());
			container.put("command", redisCommand(spec));
			documents.add(deployment(stack, ContainerStack.REDIS, container, null));
			documents.add(service(stack, ContainerStack.REDIS, spec.redisPort(), "ClusterIP"));
		}
		for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
			String name = ContainerStack.app(n);
			Map<String, Object> container = container(name, ContainerStack.image(stack.variant().module()),
					stack.appPort(n));
			container.put("env", env(stack.appEnvironment(n)));
			container.put("readinessProbe", Yaml.map("httpGet", Yaml.map("path", "/actuator/health", "port", stack.appPort(n)),
					"periodSeconds", 5, "failureThreshold", 2));
			container.put("startupProbe", Yaml.map("httpGet", Yaml.map("path", "/actuator/health", "port", stack.appPort(n)),
					"periodSeconds", 5, "failureThreshold", (int) (spec.startTimeout().toSeconds() / 5)));
			documents.add(deployment(stack, name, container, null));
			documents.add(service(stack, name, stack.appPort(n), "ClusterIP"));
		}
		Map<String, String> data = new LinkedHashMap<>(nginxFiles);
		data.put("start.sh", startScript);
		documents.add(configMap(stack, data));
		Map<String, Object> nginx = container(ContainerStack.NGINX, ContainerStack.image(ContainerStack.NGINX),
				spec.port());
		nginx.put("command", List.of("sh", ContainerStack.NGINX_CONF + "/start.sh"));
		if (!stack.nginxEnvironment().isEmpty()) {
			nginx.put("env", env(stack.nginxEnvironment()));
		}
		nginx.put("volumeMounts", List.of(Yaml.map("name", "conf", "mountPath", ContainerStack.NGINX_CONF),
				Yaml.map("name", "logs", "mountPath", ContainerStack.NGINX_LOGS)));
		documents.add(deployment(stack, ContainerStack.NGINX, nginx, List.of(
				Yaml.map("name", "conf", "configMap", Yaml.map("name", ContainerStack.NGINX)),
				Yaml.map("name", "logs", "emptyDir", Yaml.map()))));
		documents.add(service(stack, ContainerStack.NGINX, spec.port(), "LoadBalancer"));
		return header(stack) + documents.stream().map(Yaml::write).collect(Collectors.joining("---\n"));
	}

	static String gatlingJob(ContainerStack stack) {
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("name", "gatling");
		container.put("image", ContainerStack.image("gatling"));
		container.put("imagePullPolicy", "IfNotPresent");
		container.put("command", stack.gatlingCommand("http://" + ContainerStack.NGINX + ":" + stack.spec().port()));
		container.put("volumeMounts", List.of(Yaml.map("name", "results", "mountPath", "/results")));
		Map<String, Object> pod = new LinkedHashMap<>();
		pod.put("restartPolicy", "Never");
		pod.put("enableServiceLinks", false);
		pod.put("containers", List.of(container));
		pod.put("volumes", List.of(Yaml.map("name", "results", "emptyDir", Yaml.map())));
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("backoffLimit", 0);
		spec.put("template", Yaml.map("metadata", Yaml.map("labels", labels(stack, "gatling")), "spec", pod));
		return header(stack) + Yaml.write(resource("batch/v1", "Job", metadata(stack, "gatling"), "spec", spec));
	}

	private static String header(ContainerStack stack) {
		return "# Stack '" + stack.name() + "' (variant " + stack.variant().id() + ", nginx mode " + stack.lb().id()
				+ "). Generated by DeployFiles from the launcher's settings: do not edit.\n"
				+ "# Regenerate: see README, \"Beyond one machine\".\n";
	}

	private static Map<String, Object> container(String name, String image, int port) {
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("name", name);
		container.put("image", image);
		container.put("imagePullPolicy", "IfNotPresent");
		container.put("ports", List.of(Yaml.map("containerPort", port)));
		return container;
	}

	/** Plain values, and the secrets as references to the Secret {@code authbench}. */
	private static List<Map<String, Object>> env(Map<String, String> env) {
		List<Map<String, Object>> list = new ArrayList<>();
		env.forEach((name, value) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", name);
			if (SECRET_KEYS.containsKey(value)) {
				entry.put("valueFrom", Yaml.map("secretKeyRef", Yaml.map("name", SECRET, "key", SECRET_KEYS.get(value))));
			}
			else {
				entry.put("value", value);
			}
			list.add(entry);
		});
		return list;
	}

	private static Map<String, Object> deployment(ContainerStack stack, String name, Map<String, Object> container,
			List<Map<String, Object>> volumes) {
		Map<String, Object> pod = new LinkedHashMap<>();
		// No REDIS_PORT=tcp://… and the like from Kubernetes: the settings are the launcher's alone.
		pod.put("enableServiceLinks", false);
		pod.put("containers", List.of(container));
		if (volumes != null) {
			pod.put("volumes", volumes);
		}
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("replicas", 1);
		// One instance per Deployment: never two of app-<n> at once (a sticky route names one instance).
		spec.put("strategy", Yaml.map("type", "Recreate"));
		spec.put("selector", Yaml.map("matchLabels", selector(name)));
		spec.put("template", Yaml.map("metadata", Yaml.map("labels", labels(stack, name)), "spec", pod));
		return resource("apps/v1", "Deployment", metadata(stack, name), "spec", spec);
	}

	private static Map<String, Object> service(ContainerStack stack, String name, int port, String type) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("type", type);
		spec.put("selector", selector(name));
		spec.put("ports", List.of(Yaml.map("name", "main", "port", port, "targetPort", port)));
		return resource("v1", "Service", metadata(stack, name), "spec", spec);
	}

	private static Map<String, Object> configMap(ContainerStack stack, Map<String, String> data) {
		return resource("v1", "ConfigMap", metadata(stack, ContainerStack.NGINX), "data", data);
	}

	/** A Kubernetes object: its API version, kind, metadata and its body ({@code spec} or {@code data}). */
	private static Map<String, Object> resource(String apiVersion, String kind, Map<String, Object> metadata,
			String bodyName, Object body) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("apiVersion", apiVersion);
		resource.put("kind", kind);
		resource.put("metadata", metadata);
		resource.put(bodyName, body);
		return resource;
	}

	private static Map<String, Object> metadata(ContainerStack stack, String name) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", name);
		metadata.put("labels", labels(stack, name));
		return metadata;
	}

	private static Map<String, Object> selector(String name) {
		return Yaml.map("app.kubernetes.io/name", name);
	}

	private static Map<String, Object> labels(ContainerStack stack, String name) {
		Map<String, Object> labels = new LinkedHashMap<>();
		labels.put("app.kubernetes.io/name", name);
		labels.put("app.kubernetes.io/part-of", "authbench");
		labels.put("authbench/stack", stack.name());
		return labels;
	}
}
