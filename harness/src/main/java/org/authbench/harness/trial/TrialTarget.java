package org.authbench.harness.trial;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.authbench.harness.stack.DockerStack;
import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.stack.Variant;

/**
 * One configuration in an interleaved trial: where to send requests, how a caller is known,
 * and which processes are the system (apps, nginx, Redis) whose CPU it costs.
 *
 * @param name the configuration's name in the results (a setup id such as {@code jwt-none})
 * @param baseUrl nginx's URL
 * @param credential how the users log in and send their credential
 * @param paths the request kinds this target serves: {@code me}, {@code items}, {@code write}
 * @param pids the system's processes now, by name (a supplier: a drill may have restarted one)
 * @param redisPort the system's Redis on 127.0.0.1, whose commands per request are counted; null without
 * @param cpu where the system's CPU is read and pinned: its host processes, or its containers (docker runtime)
 * @param redisPrimary the member that {@code redisPort} is ({@code redis}, or with Sentinel the
 * primary when the trial starts, {@code redis-1}); null without Redis
 */
public record TrialTarget(String name, String baseUrl, Variant.Credential credential, List<String> paths,
		Supplier<Map<String, Long>> pids, Integer redisPort, SystemCpu cpu, String redisPrimary) {

	/** {@link #redisRole}: the Redis the apps write to (the single one, or the primary). */
	public static final String REDIS = "redis";

	/** {@link #redisRole}: a Redis replica, which applies the primary's replication stream. */
	public static final String REPLICA = "replica";

	/** {@link #redisRole}: the Sentinels, together. */
	public static final String SENTINELS = "sentinels";

	/** Every request kind of the authbench API. */
	public static final List<String> ALL_KINDS = List.of("me", "items", "write");

	/** A stack started by authbench, on either runtime (a docker stack's CPU is its containers'). */
	public static TrialTarget of(String name, StackState state) {
		// With Sentinel: the primary when the trial starts (a trial breaks nothing); the replica and
		// the Sentinels are counted apart ({@link #redisRole}).
		Integer redis = state.redisPort().orElse(null);
		SystemCpu cpu = DockerStack.startedIn(Path.of(state.runDir())) ? SystemCpu.containers(state) : SystemCpu.HOST;
		String primary = redis == null ? null
				: state.members()
					.stream()
					.filter(member -> member.role() == Member.Role.REDIS && member.port() == redis)
					.map(Member::name)
					.findFirst()
					.orElse(null);
		return new TrialTarget(name, state.url(), state.variantType().credential(), ALL_KINDS, () -> pids(state), redis,
				cpu, primary);
	}

	/**
	 * What a member of this system is to Redis: {@link #REDIS} (the one the apps write to),
	 * {@link #REPLICA} (another Redis node), {@link #SENTINELS}; null for nginx and the apps.
	 */
	public String redisRole(String member) {
		if (member.equals(this.redisPrimary)) {
			return REDIS;
		}
		if (member.startsWith("sentinel-")) {
			return SENTINELS;
		}
		if (this.redisPrimary != null && member.startsWith("redis-")) {
			return REPLICA;
		}
		return null;
	}

	/**
	 * CPU seconds of this system's Redis processes summed by {@link #redisRole}, from CPU seconds
	 * by member; empty without Redis.
	 */
	public Map<String, Double> byRedisRole(Map<String, Double> seconds) {
		Map<String, Double> roles = new LinkedHashMap<>();
		seconds.forEach((member, cpu) -> {
			String role = redisRole(member);
			if (role != null) {
				roles.merge(role, cpu, Double::sum);
			}
		});
		roles.replaceAll((role, cpu) -> Math.round(cpu * 1000) / 1000.0);
		return roles;
	}

	/**
	 * A server authbench did not start (for example the plain reference app), reachable at
	 * {@code baseUrl} without a credential; its CPU is counted only for the given processes.
	 */
	public static TrialTarget external(String name, String baseUrl, Map<String, Long> pids) {
		Map<String, Long> fixed = Map.copyOf(pids);
		return new TrialTarget(name, baseUrl.replaceAll("/+$", ""), Variant.Credential.NONE, List.of("items"), () -> fixed,
				null, SystemCpu.HOST, null);
	}

	private static Map<String, Long> pids(StackState state) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (Member member : state.members()) {
			if (member.pid() > 0) {
				pids.put(member.name(), member.pid());
			}
		}
		return pids;
	}
}
