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
 */
public record TrialTarget(String name, String baseUrl, Variant.Credential credential, List<String> paths,
		Supplier<Map<String, Long>> pids, Integer redisPort, SystemCpu cpu) {

	/** Every request kind of the authbench API. */
	public static final List<String> ALL_KINDS = List.of("me", "items", "write");

	/** A stack started by authbench, on either runtime (a docker stack's CPU is its containers'). */
	public static TrialTarget of(String name, StackState state) {
		// With Sentinel: the primary when the trial starts (a trial breaks nothing); its replica's
		// replication work is not counted here.
		Integer redis = state.redisPort().orElse(null);
		SystemCpu cpu = DockerStack.startedIn(Path.of(state.runDir())) ? SystemCpu.containers(state) : SystemCpu.HOST;
		return new TrialTarget(name, state.url(), state.variantType().credential(), ALL_KINDS, () -> pids(state), redis,
				cpu);
	}

	/**
	 * A server authbench did not start (for example the plain reference app), reachable at
	 * {@code baseUrl} without a credential; its CPU is counted only for the given processes.
	 */
	public static TrialTarget external(String name, String baseUrl, Map<String, Long> pids) {
		Map<String, Long> fixed = Map.copyOf(pids);
		return new TrialTarget(name, baseUrl.replaceAll("/+$", ""), Variant.Credential.NONE, List.of("items"), () -> fixed,
				null, SystemCpu.HOST);
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
