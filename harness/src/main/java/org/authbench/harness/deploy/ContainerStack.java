package org.authbench.harness.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.authbench.harness.load.GatlingRunner;
import org.authbench.harness.load.LoadDefaults;
import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.stack.ContainerSettings;
import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.Variant;

/**
 * One stack as a container platform runs it: a docker-compose profile, a folder of Kubernetes
 * manifests. Its settings are what {@code authbench up --variant <variant> --lb <lb>} uses by
 * default ({@link StackSpec#appEnvironment}, {@link StackSpec#nginxConfig}), with two kinds of
 * change only: container host names instead of 127.0.0.1 ({@link #CONTAINER_ADDRESSES}), and
 * the platform's secrets instead of fresh random ones.
 *
 * @param name the profile's name: the variant's id, plus {@code -<lb>} when not its default mode
 * @param variant which backend runs
 * @param lb the nginx mode
 */
public record ContainerStack(String name, Variant variant, LbMode lb) {

	/** Instances per stack: the launcher's default, and enough to see stickiness and failover. */
	public static final int INSTANCES = 3;

	public static final String REDIS = ContainerSettings.REDIS;

	public static final String NGINX = ContainerSettings.NGINX;

	/** The settings a container changes: it listens on every address, and Redis is a host of its own. */
	public static final Map<String, String> CONTAINER_ADDRESSES = ContainerSettings.CONTAINER_ADDRESSES;

	/** Stands for the JWT HMAC secret in {@link #appEnvironment}: each platform puts its own reference there. */
	public static final String JWT_SECRET = "@AUTHBENCH_JWT_SECRET@";

	/** Stands for the gateway secret, in the app settings and in nginx's config (the start script fills it in). */
	public static final String GATEWAY_SECRET = ContainerSettings.GATEWAY_SECRET;

	/** nginx's prefix, log folder and mounted config folder inside its container. */
	public static final String NGINX_PREFIX = ContainerSettings.NGINX_PREFIX;

	public static final String NGINX_LOGS = ContainerSettings.NGINX_LOGS;

	public static final String NGINX_CONF = ContainerSettings.NGINX_CONF;

	/**
	 * Where compose mounts the njs script from {@code nginx/} itself (gateway-njs), next to the
	 * rendered config; deploy/nginx/start.sh copies it into nginx's prefix with the config.
	 */
	public static final String NGINX_NJS = "/authbench/njs";

	/** What {@code authbench run} uses unless told otherwise: throughput, its ladder, 30 s, the default mix. */
	static final Duration MEASURED = Duration.ofSeconds(30);

	/**
	 * Every stack worth running: each variant with its default nginx mode, and the gateway modes
	 * with every variant they accept.
	 */
	public static List<ContainerStack> all() {
		List<ContainerStack> stacks = new ArrayList<>();
		for (Variant variant : Variant.all()) {
			for (LbMode lb : LbMode.values()) {
				if (lb == variant.defaultLb()) {
					stacks.add(new ContainerStack(variant.id(), variant, lb));
				}
				else if (lb.isGateway() && accepts(variant, lb)) {
					stacks.add(new ContainerStack(variant.id() + "-" + lb.id(), variant, lb));
				}
			}
		}
		return stacks;
	}

	private static boolean accepts(Variant variant, LbMode lb) {
		try {
			StackSpec.builder(variant, Path.of(".")).lb(lb).build();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The launcher's stack with its defaults: ports, timeouts, failover settings. */
	public StackSpec spec() {
		return StackSpec.builder(this.variant, Path.of(".")).instances(INSTANCES).lb(this.lb).build();
	}

	/** Host name of instance {@code n} (1-based): compose network alias and Kubernetes Service. */
	public static String app(int n) {
		return ContainerSettings.app(n);
	}

	public int appPort(int n) {
		return spec().appPorts().get(n - 1);
	}

	/**
	 * The launcher's settings for instance {@code n}, secrets as {@link #JWT_SECRET} / {@link #GATEWAY_SECRET},
	 * sorted by name (the launcher keeps no order, generated files must).
	 */
	public Map<String, String> appEnvironment(int n) {
		return ContainerSettings.appEnvironment(spec(), n, JWT_SECRET, GATEWAY_SECRET);
	}

	/** nginx's own environment: the launcher's (the njs gateway's secret), plus the gateway secret its config needs. */
	public Map<String, String> nginxEnvironment() {
		Map<String, String> env = new TreeMap<>(spec().nginxEnvironment(JWT_SECRET));
		if (this.lb.isGateway()) {
			env.put("AUTHBENCH_GATEWAY_SECRET", GATEWAY_SECRET);
		}
		return env;
	}

	/** The rendered nginx files of this stack's mode, with container paths and host names. */
	public Map<String, String> nginxFiles(Path templates) {
		return ContainerSettings.nginxFiles(spec(), templates);
	}

	/** The Gatling injector's command line, as {@link GatlingRunner} builds it, with the results under {@code /results}. */
	public List<String> gatlingCommand(String baseUrl) {
		Scenario scenario = Scenario.THROUGHPUT;
		LoadSpec load = new LoadSpec(spec(), scenario, scenario.defaultLadder(), MEASURED, LoadDefaults.population(),
				LoadDefaults.warmupWindow(), LoadDefaults.warmupMax(), LoadDefaults.mix(), 1, Path.of("/results"), this.name,
				null);
		List<String> command = new ArrayList<>(List.of("java"));
		command.addAll(GatlingRunner.JVM_OPTIONS);
		load.simulationProperties(baseUrl).forEach((key, value) -> command.add("-D" + key + "=" + value));
		command.add("-DmetricsDir=/results/metrics");
		command.addAll(List.of("-cp", "/gatling/classes:/gatling/lib/*", GatlingRunner.MAIN_CLASS, "-s",
				GatlingRunner.SIMULATION_PACKAGE + "." + scenario.simulation(), "-rf", "/results/gatling"));
		return command;
	}

	/** An image as {@code ./authbench images} tags it: see {@link ContainerSettings#image}. */
	public static String image(String module) {
		return ContainerSettings.image(module);
	}
}
