package org.authbench.harness.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.stack.StackSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the committed deploy files and says what the launcher would set, for the deploy tests. */
final class DeployFixtures {

	static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	private static final Pattern SERVER = Pattern.compile("server (\\S+):(\\d+) ");

	private DeployFixtures() {
	}

	static String read(String relative) {
		try {
			return Files.readString(HOME.resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + relative + " (regenerate: " + DeployFiles.REGENERATE + ")",
					ex);
		}
	}

	private static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	static Map<String, Object> yaml(String relative) {
		return yaml().load(read(relative));
	}

	static List<Map<String, Object>> documents(String relative) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(read(relative))) {
			documents.add(map(document));
		}
		return documents;
	}

	static Map<String, Object> parse(String text) {
		return yaml().load(text);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node) {
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node) {
		return (List<Object>) node;
	}

	/** Follows a path of keys through nested maps. */
	static Object at(Map<String, Object> node, String... keys) {
		Object current = node;
		for (String key : keys) {
			current = current == null ? null : map(current).get(key);
		}
		return current;
	}

	/**
	 * What {@code authbench up} hands instance {@code n}, read from the launcher itself, with the
	 * secrets replaced by {@code jwtSecret}/{@code gatewaySecret} and the container addresses applied.
	 */
	static Map<String, String> launcherEnvironment(StackSpec spec, int n, String jwtSecret, String gatewaySecret) {
		Map<String, String> env = new LinkedHashMap<>(spec.appEnvironment(n, jwtSecret, gatewaySecret));
		ContainerStack.CONTAINER_ADDRESSES.forEach((name, value) -> env.computeIfPresent(name, (key, old) -> value));
		return env;
	}

	/** The names of the system properties the harness hands a simulation ({@code metricsDir} included). */
	static List<String> simulationProperties(ContainerStack stack) {
		LoadSpec load = new LoadSpec(stack.spec(), Scenario.THROUGHPUT, List.of(1), Duration.ofSeconds(1), 1,
				Duration.ofSeconds(1), Duration.ofSeconds(1), "me=1", 1, Path.of("results"), "test", null);
		List<String> names = new ArrayList<>(load.simulationProperties("http://nginx").keySet());
		names.add("metricsDir");
		return names;
	}

	/** {@code host:port} of every server of an upstream in a rendered nginx config, in order. */
	static List<String> upstreamServers(String conf, String upstream) {
		int start = conf.indexOf("upstream " + upstream + " {");
		if (start < 0) {
			return List.of();
		}
		String block = conf.substring(start, conf.indexOf('}', start));
		List<String> servers = new ArrayList<>();
		Matcher matcher = SERVER.matcher(block);
		while (matcher.find()) {
			servers.add(matcher.group(1) + ":" + matcher.group(2));
		}
		return servers;
	}
}
