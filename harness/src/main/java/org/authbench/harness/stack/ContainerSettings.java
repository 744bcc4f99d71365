package org.authbench.harness.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.authbench.harness.env.Version;
import org.authbench.harness.nginx.NginxConfig;

/**
 * A {@link StackSpec} as containers run it, for the docker runtime ({@link DockerStack}) and the
 * generated docker-compose and Kubernetes files alike: the launcher's own settings, with
 * container host names instead of 127.0.0.1 and the images of {@code ./authbench images}.
 */
public final class ContainerSettings {

	/** Redis's host name on the containers' network. */
	public static final String REDIS = "redis";

	/** nginx's host name on the containers' network. */
	public static final String NGINX = "nginx";

	/** The settings a container changes: it listens on every address, and Redis is a host of its own. */
	public static final Map<String, String> CONTAINER_ADDRESSES = Map.of("AUTHBENCH_BIND_ADDRESS", "0.0.0.0",
			"REDIS_HOST", REDIS);

	/** Stands for the gateway secret in nginx's config; nginx's start script fills it in from its environment. */
	public static final String GATEWAY_SECRET = "__AUTHBENCH_GATEWAY_SECRET__";

	/** nginx's prefix, log folder and config folder inside its container (see deploy/nginx/start.sh). */
	public static final String NGINX_PREFIX = "/authbench/nginx";

	public static final String NGINX_LOGS = "/authbench/logs";

	public static final String NGINX_CONF = "/authbench/conf";

	/** Where an app image holds its jar (deploy/docker/app.Dockerfile). */
	static final String APP_JAR = "/app/app.jar";

	private ContainerSettings() {
	}

	/** Host name of instance {@code n} (1-based): network alias, compose alias, Kubernetes Service. */
	public static String app(int n) {
		return "app-" + n;
	}

	/**
	 * An image as {@code ./authbench images} tags it (deploy/images.sh): an app module,
	 * {@code nginx}, {@code redis} or {@code gatling}.
	 */
	public static String image(String module) {
		return "authbench/" + module + ":" + Version.current();
	}

	/** What {@code up} hands instance {@code n}, with the container addresses, sorted by name. */
	public static Map<String, String> appEnvironment(StackSpec spec, int n, String jwtSecret, String gatewaySecret) {
		Map<String, String> env = new TreeMap<>(spec.appEnvironment(n, jwtSecret, gatewaySecret));
		CONTAINER_ADDRESSES.forEach((name, value) -> env.computeIfPresent(name, (key, old) -> value));
		return env;
	}

	/** nginx's rendered files with container paths and host names, the gateway secret as {@link #GATEWAY_SECRET}. */
	public static Map<String, String> nginxFiles(StackSpec spec, Path templates) {
		NginxConfig.Addresses addresses = new NginxConfig.Addresses("0.0.0.0",
				IntStream.rangeClosed(1, spec.instances()).mapToObj(ContainerSettings::app).toList());
		return spec.nginxConfig(GATEWAY_SECRET).files(templates, NGINX_PREFIX, NGINX_LOGS, addresses);
	}

	/** redis-server as the launcher starts it, listening on the container's addresses. */
	public static List<String> redisCommand(StackSpec spec) {
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(spec.redisPort()),
				"--bind", "0.0.0.0", "--protected-mode", "no", "--save", ""));
		command.addAll(spec.redisPersistence() ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
				: List.of("--appendonly", "no"));
		return command;
	}

	/** An app container's command: the stack's JVM options (the fixed heap first), then the jar. */
	static List<String> appCommand(StackSpec spec) {
		List<String> command = new ArrayList<>(spec.launchOptions());
		command.addAll(List.of("-jar", APP_JAR));
		return command;
	}
}
