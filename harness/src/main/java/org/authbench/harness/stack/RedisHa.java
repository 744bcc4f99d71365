package org.authbench.harness.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis as a primary, one replica and Sentinels ({@link StackSpec#redisHa}): the Sentinels'
 * configuration, the settings that make the apps reach Redis through them, and the questions
 * the launcher asks them (which node is the primary now; is the replica in sync). The timeouts
 * are chosen in docs/design.md §10.
 */
public final class RedisHa {

	/** The name the Sentinels monitor the primary under, and the apps ask them for. */
	static final String MASTER = "authbench";

	/** A Sentinel calls the primary down after it has not answered a PING this long. */
	static final Duration DOWN_AFTER = Duration.ofMillis(1000);

	/** How long a Sentinel gives a failover before another one may retry it. */
	static final Duration FAILOVER_TIMEOUT = Duration.ofMillis(10_000);

	/** The drill and chaos targets that name whichever node is the primary when the action runs. */
	static final List<String> PRIMARY_ALIASES = List.of("redis-primary", "redis");

	/** The Spring profile (resource-api's {@code application-redis-sentinel.properties}) that reads the settings below. */
	static final String PROFILE = "redis-sentinel";

	private static final int QUORUM = 2;

	private RedisHa() {
	}

	/** {@code redis-1} (the first primary) and {@code redis-2} (its replica). */
	static String dataNode(int n) {
		return "redis-" + n;
	}

	static String sentinel(int n) {
		return "sentinel-" + n;
	}

	/** What the apps get instead of {@code REDIS_HOST}/{@code REDIS_PORT}. */
	static void appSettings(StackSpec spec, java.util.Map<String, String> env) {
		env.put("SPRING_PROFILES_ACTIVE", PROFILE);
		env.put("AUTHBENCH_REDIS_SENTINEL_MASTER", MASTER);
		env.put("AUTHBENCH_REDIS_SENTINEL_NODES",
				String.join(",", spec.sentinelPorts().stream().map(port -> "127.0.0.1:" + port).toList()));
	}

	/**
	 * A Sentinel's configuration file. Sentinel rewrites it as it learns the replica, the other
	 * Sentinels and each new primary, so a restarted Sentinel starts from what it knew.
	 */
	static String sentinelConfig(int port, int primaryPort, Path dir) {
		return String.join("\n", "port " + port, "bind 127.0.0.1", "daemonize no", "dir " + dir,
				"sentinel resolve-hostnames no",
				"sentinel monitor %s 127.0.0.1 %d %d".formatted(MASTER, primaryPort, QUORUM),
				"sentinel down-after-milliseconds %s %d".formatted(MASTER, DOWN_AFTER.toMillis()),
				"sentinel failover-timeout %s %d".formatted(MASTER, FAILOVER_TIMEOUT.toMillis()),
				"sentinel parallel-syncs %s 1".formatted(MASTER), "");
	}

	static void writeSentinelConfig(Path file, String config) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	static boolean isHa(StackState state) {
		return state.members().stream().anyMatch(member -> member.role() == Member.Role.SENTINEL);
	}

	/** The data nodes ({@code redis-N}), in start order. */
	static List<Member> dataNodes(StackState state) {
		return state.members().stream().filter(member -> member.role() == Member.Role.REDIS).toList();
	}

	/**
	 * The port of the primary as the first Sentinel that answers names it ({@code SENTINEL
	 * get-master-addr-by-name}), with that Sentinel's name; empty when no Sentinel answers.
	 */
	static Optional<Primary> primary(StackState state) {
		for (Member sentinel : state.members()) {
			if (sentinel.role() != Member.Role.SENTINEL || !Processes.isAlive(sentinel) || Processes.isFrozen(sentinel)) {
				continue;
			}
			try (Jedis client = new Jedis("127.0.0.1", sentinel.port(), 1000)) {
				List<String> address = client.sentinelGetMasterAddrByName(MASTER);
				if (address != null && address.size() == 2) {
					int port = Integer.parseInt(address.get(1));
					Optional<Member> node = dataNodes(state).stream().filter(member -> member.port() == port).findFirst();
					return Optional.of(new Primary(node.map(Member::name).orElse("?"), port, sentinel.name()));
				}
			}
			catch (JedisException | NumberFormatException ex) {
				// ask the next one
			}
		}
		return Optional.empty();
	}

	/**
	 * The primary as a Sentinel names it.
	 * @param name its member name ({@code redis-2}), {@code ?} if no member has that port
	 * @param port its port
	 * @param by the Sentinel that answered
	 */
	record Primary(String name, int port, String by) {
	}

	/**
	 * The member a primary alias means for this action: for kill, freeze and restart the primary
	 * the Sentinels name now; for start the data node that is not running, for thaw the frozen one.
	 */
	static String resolve(StackState state, String target, ChaosAction action) {
		if (!PRIMARY_ALIASES.contains(target)) {
			return target;
		}
		if (!isHa(state)) {
			return "redis";
		}
		return switch (action) {
			case KILL, FREEZE, RESTART, PARTITION, HEAL -> primary(state).map(Primary::name)
				.orElseThrow(() -> new StackException("no Sentinel names a primary for '" + MASTER + "' now"));
			case START -> dataNodes(state).stream()
				.filter(node -> !Processes.isAlive(node))
				.findFirst()
				.orElseThrow(() -> new StackException("every Redis node is running; nothing to start"))
				.name();
			case THAW -> dataNodes(state).stream()
				.filter(Processes::isFrozen)
				.findFirst()
				.orElseThrow(() -> new StackException("no Redis node is frozen; nothing to thaw"))
				.name();
		};
	}

	/**
	 * A data node about to start again, told to replicate the primary the Sentinels name when that
	 * is another node: a Redis without persistence that came back as a primary would be empty,
	 * and its replica would copy the empty data set before a Sentinel could intervene.
	 */
	static Member asReplicaOfPrimary(StackState state, Member node) {
		List<String> command = new ArrayList<>();
		for (int i = 0; i < node.command().size(); i++) {
			if (node.command().get(i).equals("--replicaof")) {
				i += 2;
				continue;
			}
			command.add(node.command().get(i));
		}
		primary(state).filter(primary -> primary.port() != node.port())
			.ifPresent(primary -> command.addAll(List.of("--replicaof", "127.0.0.1", String.valueOf(primary.port()))));
		return new Member(node.name(), node.role(), node.port(), node.pid(), node.startedAt(), command, node.env(),
				node.log());
	}

	/** Waits until the replica has loaded the primary's data and follows its stream ({@code master_link_status:up}). */
	static void awaitReplica(Member replica, Duration timeout) {
		awaitReplica(replica.port(), replica.name(), replica.log(), timeout);
	}

	/** The same for the replica on this port, named in the failure with the log to look at. */
	public static void awaitReplica(int port, String name, String log, Duration timeout) {
		awaitTrue(() -> {
			try (Jedis client = new Jedis("127.0.0.1", port, 1000)) {
				return client.info("replication").contains("master_link_status:up");
			}
		}, timeout, name + " did not sync with the primary", log);
	}

	/** Waits until a Sentinel knows the replica and enough other Sentinels to reach a quorum and fail over. */
	static void awaitSentinel(Member sentinel, Duration timeout) {
		awaitTrue(() -> {
			try (Jedis client = new Jedis("127.0.0.1", sentinel.port(), 1000)) {
				String info = client.info("sentinel");
				return info.contains("slaves=1,sentinels=" + StackSpec.SENTINELS);
			}
		}, timeout, sentinel.name() + " did not discover the replica and the other Sentinels", sentinel.log());
	}

	private interface Check {

		boolean holds();

	}

	private static void awaitTrue(Check check, Duration timeout, String failure, String log) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (check.holds()) {
					return;
				}
			}
			catch (JedisException ex) {
				// not ready yet
			}
			Processes.sleep(100);
		}
		throw new StackException(failure + " within " + timeout.toSeconds() + " s; last lines of " + log + ":"
				+ System.lineSeparator() + Processes.tail(log, 25));
	}
}
