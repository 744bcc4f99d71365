package org.authbench.harness.stack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link StackSpec} into the processes to start: command lines, environments, log
 * files. Secrets are made here, once per stack: the JWT HMAC secret every instance shares and
 * the gateway secret that proves a request came through nginx.
 */
final class StackPlan {

	private static final SecureRandom RANDOM = new SecureRandom();

	final String jwtSecret;

	final String gatewaySecret;

	private final StackSpec spec;

	private List<String> launch;

	StackPlan(StackSpec spec) {
		this(spec, random(32, Base64.getEncoder()), random(32, Base64.getUrlEncoder().withoutPadding()));
	}

	/** With given secrets instead of fresh ones: {@link StackSpec#appEnvironment} shows the settings with them. */
	StackPlan(StackSpec spec, String jwtSecret, String gatewaySecret) {
		this.spec = spec;
		this.jwtSecret = jwtSecret;
		this.gatewaySecret = gatewaySecret;
	}

	Path logs() {
		return this.spec.runDir().resolve("logs");
	}

	Path nginxPrefix() {
		return this.spec.runDir().resolve("nginx");
	}

	Path redisDir() {
		return this.spec.runDir().resolve("redis");
	}

	/** The one redis-server, or with {@link StackSpec#redisHa} the primary and its replica. */
	List<Member> redis(Path redisServer) {
		if (!this.spec.redisHa()) {
			return List.of(redisNode("redis", this.spec.redisPort(), redisDir(), redisServer, List.of()));
		}
		String primary = RedisHa.dataNode(1);
		String replica = RedisHa.dataNode(2);
		// Either node may be the primary a replica syncs from (Sentinel promotes the replica; the old
		// primary comes back as its replica): each sends its snapshot at once. Redis's default waits
		// 5 s for more replicas to share one diskless snapshot; with one replica that wait was 4.6
		// of the 7.8 s the HA setup took to start (2026-12-06).
		List<String> noSyncDelay = List.of("--repl-diskless-sync-delay", "0");
		List<String> replicaOf = new ArrayList<>(noSyncDelay);
		replicaOf.addAll(List.of("--replicaof", "127.0.0.1", String.valueOf(this.spec.redisPort())));
		return List.of(redisNode(primary, this.spec.redisPort(), redisDir().resolve(primary), redisServer, noSyncDelay),
				redisNode(replica, this.spec.replicaPort(), redisDir().resolve(replica), redisServer, replicaOf));
	}

	private Member redisNode(String name, int port, Path dir, Path redisServer, List<String> more) {
		List<String> command = new ArrayList<>(List.of(redisServer.toString(), "--port", String.valueOf(port), "--bind",
				"127.0.0.1", "--dir", dir.toString(), "--daemonize", "no", "--save", ""));
		command.addAll(this.spec.redisPersistence() ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
				: List.of("--appendonly", "no"));
		command.addAll(more);
		return new Member(name, Member.Role.REDIS, port, 0, 0, command, Map.of(), logs().resolve(name + ".log").toString());
	}

	/** With {@link StackSpec#redisHa}: Sentinel {@code n} (1-based), its configuration file in the run folder. */
	Member sentinel(int n, Path redisServer) {
		String name = RedisHa.sentinel(n);
		return new Member(name, Member.Role.SENTINEL, this.spec.sentinelPorts().get(n - 1), 0, 0,
				List.of(redisServer.toString(), sentinelConfig(n).toString(), "--sentinel"), Map.of(),
				logs().resolve(name + ".log").toString());
	}

	Path sentinelConfig(int n) {
		return redisDir().resolve(RedisHa.sentinel(n)).resolve("sentinel.conf");
	}

	/** Every folder the Redis processes write to. */
	List<Path> redisDirs() {
		if (!this.spec.redisHa()) {
			return List.of(redisDir());
		}
		List<Path> dirs = new ArrayList<>(List.of(redisDir().resolve(RedisHa.dataNode(1)),
				redisDir().resolve(RedisHa.dataNode(2))));
		for (int n = 1; n <= StackSpec.SENTINELS; n++) {
			dirs.add(sentinelConfig(n).getParent());
		}
		return dirs;
	}

	Member app(int n) {
		List<String> command = new ArrayList<>();
		command.add(this.spec.javaBinary().toString());
		command.addAll(this.spec.launchOptions());
		command.addAll(appLaunch());
		return new Member("app-" + n, Member.Role.APP, this.spec.appPorts().get(n - 1), 0, 0, command, appEnv(n),
				logs().resolve("app-" + n + ".log").toString());
	}

	/** How the apps start, decided once per stack: from the class-data archive when it is current, else the jar. */
	private List<String> appLaunch() {
		if (this.launch == null) {
			this.launch = ClassDataArchive.enabled(System.getenv())
					? new ClassDataArchive(this.spec.appJar(), this.spec.javaBinary()).launch()
					: List.of("-jar", this.spec.appJar().toString());
		}
		return this.launch;
	}

	/** The environment of instance {@code n} (1-based). */
	Map<String, String> appEnv(int n) {
		Variant variant = this.spec.variant();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(this.spec.appPorts().get(n - 1)));
		env.put("AUTHBENCH_BIND_ADDRESS", "127.0.0.1");
		env.put("AUTHBENCH_INSTANCE_ID", variant.id() + "-" + n);
		if (variant.route() != null) {
			env.put(variant.route(), "app" + n);
		}
		if (variant.usesRedis() && this.spec.redisHa()) {
			RedisHa.appSettings(this.spec, env);
		}
		else if (variant.usesRedis()) {
			env.put("REDIS_HOST", "127.0.0.1");
			env.put("REDIS_PORT", String.valueOf(this.spec.redisPort()));
		}
		if (variant.signingSecret() != null) {
			env.put(variant.signingSecret(), this.jwtSecret);
		}
		if (this.spec.lb().isGateway()) {
			env.put("AUTHBENCH_JWT_TRUST_GATEWAY", "true");
			env.put("AUTHBENCH_JWT_GATEWAY_SECRET", this.gatewaySecret);
		}
		if (this.spec.hashCost() > 0) {
			env.put("AUTHBENCH_HASH_COST", String.valueOf(this.spec.hashCost()));
		}
		env.putAll(this.spec.appEnv());
		return env;
	}

	Member nginx(Path nginx, Path conf) {
		Map<String, String> env = this.spec.lb() == LbMode.GATEWAY_NJS ? Map.of("AUTHBENCH_JWT_SECRET", this.jwtSecret)
				: Map.of();
		return new Member("nginx", Member.Role.NGINX, this.spec.port(), 0, 0, nginxCommand(nginx, conf, false), env,
				logs().resolve("nginx.out").toString());
	}

	List<String> nginxCommand(Path nginx, Path conf, boolean test) {
		List<String> command = new ArrayList<>(List.of(nginx.toString()));
		if (test) {
			command.add("-t");
		}
		command.addAll(List.of("-p", nginxPrefix() + "/", "-c", conf.toString(), "-e",
				logs().resolve("nginx-error.log").toString(), "-g", "daemon off;"));
		return command;
	}

	private static String random(int bytes, Base64.Encoder encoder) {
		byte[] secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		return encoder.encodeToString(secret);
	}
}
