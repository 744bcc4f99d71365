package org.authbench.harness.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.authbench.harness.env.Version;
import org.authbench.harness.nginx.NginxConfig;

/**
 * What {@code up} starts: variant, instance count, nginx mode, ports, timeouts and the
 * settings handed to every instance. Built with {@link #builder}; every value has a default
 * except the variant and the project folder (where the app jars and {@code nginx/} are).
 *
 * @param variant which backend runs
 * @param instances how many instances, {@code app-1}…{@code app-N}
 * @param lb the nginx mode
 * @param port nginx's port
 * @param appPorts one port per instance
 * @param redisPort redis-server's port (started only for variants that use Redis)
 * @param home the project folder
 * @param runDir the run folder: nginx prefix, logs, Redis data, the state file
 * @param javaHome the JDK that runs the apps
 * @param heap every instance's fixed heap, {@code -Xms} = {@code -Xmx} ({@code 1g}; {@link #JVM_HEAP} for the
 *        JVM's own sizing, which lets one JVM of a trial shrink its heap and collect three times as often
 *        as the next: docs/method.md §1)
 * @param jvmOptions extra JVM options for every instance, after the heap's (a later {@code -Xmx} wins)
 * @param connectTimeout nginx's connect timeout to an instance
 * @param readTimeout nginx's read timeout: how long a frozen instance can hold a request
 * @param tries how many instances nginx tries for one request at most
 * @param failTimeout how long nginx leaves an instance alone after it failed
 * @param maxFails failures within {@code failTimeout} that make nginx leave it alone
 * @param redisPersistence append-only file on (sessions survive a Redis restart) or off
 * @param hashCost BCrypt log rounds of the instances, 0 for the apps' default
 * @param appEnv further environment for every instance
 * @param startTimeout how long to wait for each process to be healthy
 * @param accessLog nginx's JSON access log on (the drills count requests from it) or off (an
 *        interleaved trial counts with its own load generator; at 20k req/s the log writes ~9 MB/s,
 *        whose write-back stalled the whole machine for seconds)
 * @param nginxWorkers nginx's worker processes, 0 for one per CPU ({@code auto})
 * @param redisHa Redis as a primary, one replica and three Sentinels (ports {@link #replicaPort},
 *        {@link #sentinelPorts}), the apps reaching it through Sentinel; false: one redis-server
 */
public record StackSpec(Variant variant, int instances, LbMode lb, int port, List<Integer> appPorts, int redisPort,
		Path home, Path runDir, Path javaHome, String heap, List<String> jvmOptions, Duration connectTimeout,
		Duration readTimeout, int tries, Duration failTimeout, int maxFails, boolean redisPersistence, int hashCost,
		Map<String, String> appEnv, Duration startTimeout, boolean accessLog,
		int nginxWorkers, boolean redisHa) {

	public static final int MAX_INSTANCES = 20;

	/** The default of {@link #heap}. */
	public static final String DEFAULT_HEAP = "1g";

	/** The {@link #heap} that leaves the heap to the JVM (initial 1/64, maximum 1/4 of the memory). */
	public static final String JVM_HEAP = "jvm";

	private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

	/** How many Sentinels watch the primary of a {@link #redisHa} stack (a quorum of 2 needs 3). */
	public static final int SENTINELS = 3;

	public StackSpec {
		appPorts = List.copyOf(appPorts);
		jvmOptions = List.copyOf(jvmOptions);
		appEnv = Map.copyOf(appEnv);
		if (instances < 1 || instances > MAX_INSTANCES) {
			throw new IllegalArgumentException("--instances must be 1.." + MAX_INSTANCES + ", was " + instances);
		}
		if (appPorts.size() != instances) {
			throw new IllegalArgumentException(instances + " instances need " + instances + " app ports");
		}
		if (lb == LbMode.STICKY && variant.route() == null) {
			throw new IllegalArgumentException("--lb sticky routes by the JSESSIONID route of the "
					+ accepting(v -> v.route() != null) + " variant only");
		}
		if (lb.isGateway() && !variant.gateways()) {
			throw new IllegalArgumentException("--lb " + lb + " verifies JWT access tokens: it needs --variant "
					+ accepting(Variant::gateways));
		}
		if (tries < 1) {
			throw new IllegalArgumentException("tries must be at least 1");
		}
		if (!JVM_HEAP.equals(heap) && !HEAP_SIZE.matcher(heap).matches()) {
			throw new IllegalArgumentException("--heap needs a size such as 512m or 1g, or '" + JVM_HEAP
					+ "' for the JVM's own sizing, got '" + heap + "'");
		}
		if (redisHa && !variant.usesRedis()) {
			throw new IllegalArgumentException("Redis with Sentinel needs a variant that uses Redis, not " + variant);
		}
	}

	/** The variants that meet {@code condition}, for a message: {@code jwt}, {@code a or b}. */
	private static String accepting(Predicate<Variant> condition) {
		return Variant.all().stream().filter(condition).map(Variant::id).collect(Collectors.joining(" or "));
	}

	/** The options every instance's {@code java} gets: the fixed heap ({@link #heap}), then {@link #jvmOptions}. */
	public List<String> launchOptions() {
		List<String> options = new ArrayList<>();
		if (!JVM_HEAP.equals(this.heap)) {
			options.add("-Xms" + this.heap);
			options.add("-Xmx" + this.heap);
		}
		options.addAll(this.jvmOptions);
		return options;
	}

	/** The same stack with one more (or another) environment setting for every instance. */
	public StackSpec withAppEnv(String name, String value) {
		return toBuilder().appEnv(name, value).build();
	}

	/** The same stack with one more JVM option for every instance, after the others (a later one of the same flag wins). */
	public StackSpec withJvmOption(String option) {
		return toBuilder().jvmOption(option).build();
	}

	/** The same stack in another nginx mode. */
	public StackSpec withLb(LbMode mode) {
		return toBuilder().lb(mode).build();
	}

	/**
	 * The same stack on other ports and in another run folder, so that several run side by side
	 * (an interleaved trial starts every compared stack at once): nginx on {@code port}, the
	 * instances on consecutive ports from {@code firstAppPort}.
	 */
	public StackSpec relocated(int port, int firstAppPort, int redisPort, Path runDir) {
		return toBuilder().port(port).firstAppPort(firstAppPort).appPorts(null).redisPort(redisPort).runDir(runDir).build();
	}

	/** The same stack with another number of instances, on consecutive ports from the first one's. */
	public StackSpec withInstances(int count) {
		return toBuilder().instances(count).firstAppPort(this.appPorts.get(0)).appPorts(null).build();
	}

	/**
	 * The same stack as an interleaved trial runs it: nginx without its access log (see
	 * {@link #accessLog}) and with one worker, since every system of a trial shares one pinned CPU
	 * (two workers on one CPU only switch between each other; the reference app's nginx has one too).
	 */
	public StackSpec forTrial() {
		return toBuilder().accessLog(false).nginxWorkers(1).build();
	}

	/**
	 * The same stack with Redis as a primary, a replica and {@link #SENTINELS} Sentinels (or back to
	 * one redis-server): what the {@code -ha} configurations ({@link Setup}) change.
	 */
	public StackSpec withRedisHa(boolean ha) {
		return toBuilder().redisHa(ha).build();
	}

	/**
	 * The replica's port in a {@link #redisHa} stack. The HA ports keep a stride of 100 from
	 * {@link #redisPort}, so stacks placed side by side on consecutive Redis ports (a trial) never
	 * share one: 6390 gives the replica 6490 and the Sentinels 6590, 6690, 6790.
	 */
	public int replicaPort() {
		return this.redisPort + 100;
	}

	/** The Sentinels' ports in a {@link #redisHa} stack (see {@link #replicaPort}). */
	public List<Integer> sentinelPorts() {
		return IntStream.rangeClosed(1, SENTINELS).mapToObj(n -> this.redisPort + 100 * (n + 1)).toList();
	}

	public static Builder builder(Variant variant, Path home) {
		return new Builder(variant, home);
	}

	/** A builder holding every value of this stack, so that each {@code with…} sets only what differs. */
	private Builder toBuilder() {
		Builder builder = new Builder(this.variant, this.home).instances(this.instances)
			.lb(this.lb)
			.port(this.port)
			.appPorts(this.appPorts)
			.redisPort(this.redisPort)
			.runDir(this.runDir)
			.javaHome(this.javaHome)
			.heap(this.heap)
			.connectTimeout(this.connectTimeout)
			.readTimeout(this.readTimeout)
			.tries(this.tries)
			.failTimeout(this.failTimeout)
			.maxFails(this.maxFails)
			.redisPersistence(this.redisPersistence)
			.hashCost(this.hashCost)
			.startTimeout(this.startTimeout)
			.accessLog(this.accessLog)
			.nginxWorkers(this.nginxWorkers)
			.redisHa(this.redisHa);
		this.jvmOptions.forEach(builder::jvmOption);
		this.appEnv.forEach(builder::appEnv);
		return builder;
	}

	/**
	 * The environment {@code up} hands instance {@code n} (1-based): the one place the launcher's
	 * app settings are made. The secrets are given here because {@code up} makes fresh ones per
	 * stack; {@code deploy/} passes references to the platform's secrets instead.
	 */
	public Map<String, String> appEnvironment(int n, String jwtSecret, String gatewaySecret) {
		return new StackPlan(this, jwtSecret, gatewaySecret).appEnv(n);
	}

	/** The environment of nginx itself (the njs gateway reads the HMAC secret from it). */
	public Map<String, String> nginxEnvironment(String jwtSecret) {
		return new StackPlan(this, jwtSecret, "unused").nginx(Path.of("nginx"), Path.of("nginx.conf")).env();
	}

	/** nginx's settings for this stack: mode, ports, timeouts, failover, the JWT claims the njs gateway checks. */
	public NginxConfig nginxConfig(String gatewaySecret) {
		NginxConfig.JwtClaims defaults = NginxConfig.JwtClaims.defaults();
		NginxConfig.JwtClaims claims = new NginxConfig.JwtClaims(
				this.appEnv.getOrDefault("AUTHBENCH_JWT_ISSUER", defaults.issuer()),
				this.appEnv.getOrDefault("AUTHBENCH_JWT_AUDIENCE", defaults.audience()), defaults.clockSkewSeconds(),
				defaults.maxTokenBytes());
		return new NginxConfig(this.lb, this.port, this.appPorts, this.connectTimeout, this.readTimeout, this.tries,
				this.failTimeout, this.maxFails, gatewaySecret, claims, this.accessLog, this.nginxWorkers);
	}

	/** Where the variant's jar is, built by {@code ./mvnw package}. */
	public Path appJar() {
		return this.home.resolve(this.variant.module())
			.resolve("target")
			.resolve(this.variant.module() + "-" + Version.current() + ".jar");
	}

	public Path javaBinary() {
		return this.javaHome.resolve("bin").resolve("java");
	}

	/** The state file {@code down}, {@code status} and {@code chaos} read. */
	public Path stateFile() {
		return StackState.file(this.runDir);
	}

	/** Builds a {@link StackSpec} from defaults. */
	public static final class Builder {

		private final Variant variant;

		private final Path home;

		private int instances = 3;

		private LbMode lb;

		private int port = 8080;

		private int firstAppPort = 9001;

		private List<Integer> appPorts;

		private int redisPort = 6390;

		private Path runDir;

		private Path javaHome = Path.of(System.getProperty("java.home"));

		private String heap = DEFAULT_HEAP;

		private final List<String> jvmOptions = new ArrayList<>();

		private Duration connectTimeout = Duration.ofSeconds(1);

		private Duration readTimeout = Duration.ofSeconds(3);

		private int tries = 3;

		private Duration failTimeout = Duration.ofSeconds(2);

		private int maxFails = 1;

		private boolean redisPersistence;

		private int hashCost;

		private final Map<String, String> appEnv = new LinkedHashMap<>();

		private Duration startTimeout = Duration.ofSeconds(180);

		private boolean accessLog = true;

		private int nginxWorkers;

		private boolean redisHa;

		private Builder(Variant variant, Path home) {
			this.variant = variant;
			this.home = home.toAbsolutePath().normalize();
		}

		public Builder instances(int instances) {
			this.instances = instances;
			return this;
		}

		/** Null for the variant's default mode. */
		public Builder lb(LbMode lb) {
			this.lb = lb;
			return this;
		}

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Instances get consecutive ports from this one. */
		public Builder firstAppPort(int firstAppPort) {
			this.firstAppPort = firstAppPort;
			return this;
		}

		/** Null: consecutive ports from {@link #firstAppPort}. */
		public Builder appPorts(List<Integer> appPorts) {
			this.appPorts = appPorts == null ? null : List.copyOf(appPorts);
			return this;
		}

		public Builder redisPort(int redisPort) {
			this.redisPort = redisPort;
			return this;
		}

		public Builder runDir(Path runDir) {
			this.runDir = runDir;
			return this;
		}

		public Builder javaHome(Path javaHome) {
			this.javaHome = javaHome;
			return this;
		}

		/** A size ({@code 512m}, {@code 1g}) for {@code -Xms} and {@code -Xmx}, or {@link #JVM_HEAP}; null for the default. */
		public Builder heap(String heap) {
			this.heap = heap != null ? heap : DEFAULT_HEAP;
			return this;
		}

		public Builder jvmOption(String option) {
			this.jvmOptions.add(option);
			return this;
		}

		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		public Builder tries(int tries) {
			this.tries = tries;
			return this;
		}

		public Builder failTimeout(Duration failTimeout) {
			this.failTimeout = failTimeout;
			return this;
		}

		public Builder maxFails(int maxFails) {
			this.maxFails = maxFails;
			return this;
		}

		public Builder redisPersistence(boolean redisPersistence) {
			this.redisPersistence = redisPersistence;
			return this;
		}

		public Builder hashCost(int hashCost) {
			this.hashCost = hashCost;
			return this;
		}

		public Builder appEnv(String name, String value) {
			this.appEnv.put(name, value);
			return this;
		}

		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		/** See {@link StackSpec#accessLog}; on unless {@link StackSpec#forTrial}. */
		Builder accessLog(boolean accessLog) {
			this.accessLog = accessLog;
			return this;
		}

		/** See {@link StackSpec#nginxWorkers}. */
		Builder nginxWorkers(int nginxWorkers) {
			this.nginxWorkers = nginxWorkers;
			return this;
		}

		/** See {@link StackSpec#redisHa}. */
		public Builder redisHa(boolean redisHa) {
			this.redisHa = redisHa;
			return this;
		}

		public StackSpec build() {
			List<Integer> ports = this.appPorts != null ? this.appPorts
					: IntStream.range(0, this.instances).mapToObj(i -> this.firstAppPort + i).toList();
			Path run = this.runDir != null ? this.runDir : this.home.resolve(".authbench").resolve("run");
			return new StackSpec(this.variant, this.instances, this.lb != null ? this.lb : this.variant.defaultLb(),
					this.port, ports, this.redisPort, this.home, run.toAbsolutePath().normalize(), this.javaHome,
					this.heap, this.jvmOptions, this.connectTimeout, this.readTimeout, this.tries, this.failTimeout, this.maxFails,
					this.redisPersistence, this.hashCost, this.appEnv, this.startTimeout, this.accessLog, this.nginxWorkers,
					this.redisHa);
		}
	}
}
