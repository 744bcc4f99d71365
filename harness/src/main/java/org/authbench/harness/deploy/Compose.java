package org.authbench.harness.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.authbench.harness.env.Version;
import org.authbench.harness.nginx.NginxConfig;
import org.authbench.harness.stack.ContainerSettings;
import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.StackSpec;

/**
 * {@code docker-compose.yml}: one profile per {@link ContainerStack} ({@code <profile>-app-<n>},
 * {@code <profile>-nginx}), one {@code redis} shared by the profiles that use it, and a Gatling
 * injector per stack in the profile {@code <profile>-load}, so that {@code up} does not start the load.
 * The instances answer to {@code app-1}… and nginx to {@code nginx} (network aliases), the names
 * in the rendered nginx configs.
 */
final class Compose {

	static final String FILE = "docker-compose.yml";

	/** The compose reference to a secret: every profile needs {@code .env} (see the README). */
	static String secretReference(String variable) {
		return "${" + variable + ":?set " + variable + " in .env (see README: Beyond one machine)}";
	}

	/** The host port nginx is published on: {@code AUTHBENCH_PORT}, by default the launcher's. */
	static String publishedPort(int port) {
		return "${AUTHBENCH_PORT:-" + port + "}";
	}

	/** The injector's target: nginx in this compose project, or another host's. */
	static String baseUrl(int port) {
		return "${AUTHBENCH_BASE_URL:-http://" + ContainerStack.NGINX + ":" + port + "}";
	}

	private Compose() {
	}

	static String render(List<ContainerStack> stacks) {
		Map<String, Object> services = new LinkedHashMap<>();
		List<ContainerStack> withRedis = stacks.stream().filter(s -> s.variant().usesRedis()).toList();
		if (!withRedis.isEmpty()) {
			services.put(ContainerStack.REDIS,
					redis(withRedis.stream().map(ContainerStack::name).toList(), withRedis.get(0).spec()));
		}
		for (ContainerStack stack : stacks) {
			for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
				services.put(stack.name() + "-" + ContainerStack.app(n), app(stack, n));
			}
			services.put(stack.name() + "-" + ContainerStack.NGINX, nginx(stack));
			services.put(stack.name() + "-gatling", gatling(stack));
		}
		Map<String, Object> compose = new LinkedHashMap<>();
		// No top-level name: Debian's docker-compose 1.29 rejects it (the project name is -p's).
		compose.put("services", services);
		compose.put("volumes", Yaml.map("nginx-logs", Yaml.map()));
		return "# Generated from the launcher's settings and nginx/ templates by DeployFiles: do not edit.\n"
				+ "# Regenerate: see README, \"Beyond one machine\". Profiles: "
				+ String.join(", ", stacks.stream().map(ContainerStack::name).toList()) + ".\n" + Yaml.write(compose);
	}

	private static Map<String, Object> redis(List<String> profiles, StackSpec spec) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("profiles", profiles);
		service.put("image", ContainerStack.image(ContainerStack.REDIS));
		service.put("build", build(ContainerStack.REDIS, null));
		service.put("command", ContainerSettings.redisCommand(spec));
		service.put("expose", List.of(String.valueOf(spec.redisPort())));
		service.put("healthcheck", healthcheck(List.of("CMD", "redis-cli", "-p", String.valueOf(spec.redisPort()), "ping"), spec));
		return service;
	}

	private static Map<String, Object> app(ContainerStack stack, int n) {
		String module = stack.variant().module();
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("profiles", List.of(stack.name()));
		service.put("image", ContainerStack.image(module));
		service.put("build", build("app", module));
		Map<String, String> env = new LinkedHashMap<>();
		stack.appEnvironment(n).forEach((name, value) -> env.put(name, secrets(value)));
		service.put("environment", env);
		service.put("expose", List.of(String.valueOf(stack.appPort(n))));
		service.put("healthcheck", healthcheck(List.of("CMD", "curl", "-fsS",
				"http://127.0.0.1:" + stack.appPort(n) + "/actuator/health"), stack.spec()));
		if (stack.variant().usesRedis()) {
			service.put("depends_on", Yaml.map(ContainerStack.REDIS, Yaml.map("condition", "service_healthy")));
		}
		service.put("networks", Yaml.map("default", Yaml.map("aliases", List.of(ContainerStack.app(n)))));
		return service;
	}

	private static Map<String, Object> nginx(ContainerStack stack) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("profiles", List.of(stack.name()));
		service.put("image", ContainerStack.image(ContainerStack.NGINX));
		service.put("build", build(ContainerStack.NGINX, null));
		service.put("command", List.of("sh", "/authbench/start.sh"));
		Map<String, String> env = new LinkedHashMap<>();
		stack.nginxEnvironment().forEach((name, value) -> env.put(name, secrets(value)));
		if (!env.isEmpty()) {
			service.put("environment", env);
		}
		int port = stack.spec().port();
		service.put("ports", List.of(publishedPort(port) + ":" + port));
		List<String> volumes = new ArrayList<>(List.of(
				"./" + DeployFiles.nginxFolder(stack.lb()) + ":" + ContainerStack.NGINX_CONF + ":ro",
				"./" + DeployFiles.START_SCRIPT + ":/authbench/start.sh:ro", "nginx-logs:" + ContainerStack.NGINX_LOGS));
		if (stack.lb() == LbMode.GATEWAY_NJS) {
			// The script itself, not a copy of it in deploy/nginx/ (DeployFiles).
			volumes.add("./nginx/" + NginxConfig.NJS_SCRIPT + ":" + ContainerStack.NGINX_NJS + "/" + NginxConfig.NJS_SCRIPT
					+ ":ro");
		}
		service.put("volumes", volumes);
		Map<String, Object> dependsOn = new LinkedHashMap<>();
		for (int n = 1; n <= ContainerStack.INSTANCES; n++) {
			// As the launcher does: nginx starts once every instance is healthy.
			dependsOn.put(stack.name() + "-" + ContainerStack.app(n), Yaml.map("condition", "service_healthy"));
		}
		service.put("depends_on", dependsOn);
		service.put("networks", Yaml.map("default", Yaml.map("aliases", List.of(ContainerStack.NGINX))));
		return service;
	}

	private static Map<String, Object> gatling(ContainerStack stack) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("profiles", List.of(stack.name() + "-load"));
		service.put("image", ContainerStack.image("gatling"));
		service.put("build", build("gatling", null));
		service.put("command", stack.gatlingCommand(baseUrl(stack.spec().port())));
		service.put("volumes", List.of("./results/compose/" + stack.name() + ":/results"));
		service.put("depends_on", Yaml.map(stack.name() + "-" + ContainerStack.NGINX, Yaml.map("condition", "service_started")));
		return service;
	}

	/** The image's Dockerfile in {@code deploy/docker/}, with the app module and its jar's version as build arguments. */
	private static Map<String, Object> build(String dockerfile, String module) {
		Map<String, Object> build = new LinkedHashMap<>();
		build.put("context", ".");
		build.put("dockerfile", DeployFiles.dockerfile(dockerfile));
		if (module != null) {
			Map<String, Object> args = new LinkedHashMap<>();
			args.put("MODULE", module);
			args.put("VERSION", Version.current());
			build.put("args", args);
		}
		return build;
	}

	/** Waits as long as the launcher does ({@code startTimeout}), asking every 5 s. */
	private static Map<String, Object> healthcheck(List<String> test, StackSpec spec) {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("test", test);
		check.put("interval", "5s");
		check.put("timeout", "3s");
		check.put("retries", (int) (spec.startTimeout().toSeconds() / 5));
		return check;
	}

	private static String secrets(String value) {
		return switch (value) {
			case ContainerStack.JWT_SECRET -> secretReference("AUTHBENCH_JWT_SECRET");
			case ContainerStack.GATEWAY_SECRET -> secretReference("AUTHBENCH_GATEWAY_SECRET");
			default -> value;
		};
	}
}
