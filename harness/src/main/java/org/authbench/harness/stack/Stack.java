package org.authbench.harness.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.authbench.harness.nginx.NginxConfig;

/**
 * Starts, stops and inspects a stack: redis-server (for the variants that use it), N app
 * instances, then nginx, once every instance is healthy (nginx marks an upstream that is not
 * listening at start as failed). Every step is written to the state file, so a stack started
 * here can be stopped, inspected and broken from another terminal ({@link StackState#load}).
 */
public final class Stack implements StackRuntime {

	static final Duration GRACE = Duration.ofSeconds(15);

	private final PrintWriter progress;

	/** @param progress where to say what is happening, one line per step */
	public Stack(PrintWriter progress) {
		this.progress = progress;
	}

	/**
	 * Starts the stack and waits until every process is healthy. On failure everything already
	 * started is stopped again and a {@link StackException} says why.
	 */
	@Override
	public StackState up(StackSpec spec) {
		Preflight.check(spec);
		StackPlan plan = new StackPlan(spec);
		return StartUp.run(spec, state -> {
			keepPreviousLogs(plan.logs());
			Files.createDirectories(plan.logs());
			if (spec.variant().usesRedis()) {
				for (Path dir : plan.redisDirs()) {
					Files.createDirectories(dir);
				}
			}
			Path conf = spec.nginxConfig(plan.gatewaySecret).render(spec.home().resolve("nginx"), plan.nginxPrefix(), plan.logs());
			Path nginx = Binaries.require("nginx", "nginx");
			Preflight.testNginxConfig(plan.nginxCommand(nginx, conf, true));
			state.save();
			if (spec.variant().usesRedis()) {
				state = startRedis(state, spec, plan);
			}
			if (ClassDataArchive.enabled(System.getenv())) {
				new ClassDataArchive(spec.appJar(), spec.javaBinary()).prepare(plan.appEnv(1), this::say);
			}
			List<Member> apps = new ArrayList<>();
			for (int n = 1; n <= spec.instances(); n++) {
				Member app = plan.app(n);
				say("starting %s on port %d (%s)", app.name(), app.port(), app.env().get("AUTHBENCH_INSTANCE_ID"));
				state = startAndRecord(state, app);
				apps.add(state.member(app.name()).orElseThrow());
			}
			for (Member app : apps) {
				Health.await(app, spec.startTimeout());
				Warmup.await(app, spec.variant().credential(), spec.startTimeout());
				say("%s is healthy and has served a first authenticated request (pid %d)", app.name(), app.pid());
			}
			return startAndAwait(state, plan.nginx(nginx, conf), spec.startTimeout());
		}, this::stopAfterFailure);
	}

	/** The one redis-server; or the primary, its replica once in sync, and the Sentinels once each can fail over. */
	private StackState startRedis(StackState state, StackSpec spec, StackPlan plan) {
		Path redisServer = Binaries.require("redis-server", "redis-server");
		StackState started = state;
		for (Member node : plan.redis(redisServer)) {
			started = startAndAwait(started, node, spec.startTimeout());
		}
		if (!spec.redisHa()) {
			return started;
		}
		RedisHa.awaitReplica(started.member(RedisHa.dataNode(2)).orElseThrow(), spec.startTimeout());
		List<Member> sentinels = new ArrayList<>();
		for (int n = 1; n <= StackSpec.SENTINELS; n++) {
			RedisHa.writeSentinelConfig(plan.sentinelConfig(n),
					RedisHa.sentinelConfig(spec.sentinelPorts().get(n - 1), spec.redisPort(), plan.sentinelConfig(n).getParent()));
			started = startAndAwait(started, plan.sentinel(n, redisServer), spec.startTimeout());
			sentinels.add(started.member(RedisHa.sentinel(n)).orElseThrow());
		}
		for (Member sentinel : sentinels) {
			RedisHa.awaitSentinel(sentinel, spec.startTimeout());
		}
		say("Redis primary %s, replica %s in sync, %d Sentinels watching (down after %d ms)", RedisHa.dataNode(1),
				RedisHa.dataNode(2), sentinels.size(), RedisHa.DOWN_AFTER.toMillis());
		return started;
	}

	/** The last stack's logs move to {@code logs.previous}: each stack's access log is its own. */
	static void keepPreviousLogs(Path logs) throws IOException {
		if (!Files.isDirectory(logs)) {
			return;
		}
		Path previous = logs.resolveSibling(logs.getFileName() + ".previous");
		if (Files.isDirectory(previous)) {
			try (var files = Files.list(previous)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(previous);
		}
		Files.move(logs, previous);
	}

	private void stopAfterFailure(StackState state) {
		StackState latest = StackState.load(Path.of(state.runDir())).orElse(state);
		if (latest.members().stream().anyMatch(member -> member.pid() > 0)) {
			say("start-up failed: stopping what was started");
			down(latest);
		}
		else {
			latest.delete();
		}
	}

	private StackState startAndAwait(StackState state, Member member, Duration timeout) {
		say("starting %s on port %d", member.name(), member.port());
		StackState updated = startAndRecord(state, member);
		Member started = updated.member(member.name()).orElseThrow();
		Health.await(started, timeout);
		if (started.role() == Member.Role.APP) {
			Warmup.await(started, state.variantType().credential(), timeout);
		}
		say("%s is healthy (pid %d)", started.name(), started.pid());
		return updated;
	}

	/**
	 * Stops every process of the stack (nginx first, then the apps, the Sentinels, Redis last) by PID, checks that each one
	 * and its children are gone, and removes the state file.
	 * @return one line per process
	 * @throws StackException if a process survived SIGKILL
	 */
	@Override
	public List<String> down(StackState state) {
		List<Member> order = new ArrayList<>();
		for (Member.Role role : List.of(Member.Role.NGINX, Member.Role.APP, Member.Role.SENTINEL, Member.Role.REDIS)) {
			state.members().stream().filter(member -> member.role() == role).forEach(order::add);
		}
		List<String> lines = new ArrayList<>();
		List<String> survivors = new ArrayList<>();
		for (Member member : order) {
			if (!Processes.isAlive(member)) {
				lines.add(String.format("%-10s was not running", member.name()));
				continue;
			}
			if (Processes.stop(member, GRACE)) {
				lines.add(String.format("%-10s stopped (pid %d)", member.name(), member.pid()));
			}
			else {
				survivors.add(member.name() + " (pid " + member.pid() + ")");
			}
		}
		if (!survivors.isEmpty()) {
			throw new StackException("still running after SIGKILL: " + String.join(", ", survivors));
		}
		state.delete();
		StartedStacks.remove(Path.of(state.runDir()));
		lines.forEach(this::say);
		return lines;
	}

	/**
	 * Turns nginx's access log on or off in a running stack: rewrites the {@code access_log} line of
	 * the rendered {@code common.conf}, has nginx reload (SIGHUP) and waits until every worker is a
	 * new one. An interleaved trial measures with the log off; the drills that follow on the same
	 * warm stacks count requests from it.
	 */
	public void accessLog(StackState state, boolean on) {
		Member nginx = state.member("nginx").orElseThrow(() -> new StackException("the stack has no nginx"));
		Path runDir = Path.of(state.runDir());
		Path common = runDir.resolve("nginx").resolve(NginxConfig.COMMON);
		try {
			String conf = Files.readString(common);
			String rewritten = conf.replaceFirst("(?m)^access_log .*$", java.util.regex.Matcher
				.quoteReplacement(NginxConfig.accessLogDirective(runDir.resolve("logs").toString(), on)));
			if (rewritten.equals(conf)) {
				return;
			}
			Files.writeString(common, rewritten);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot rewrite " + common, ex);
		}
		ProcessHandle master = ProcessHandle.of(nginx.pid())
			.orElseThrow(() -> new StackException("nginx (pid " + nginx.pid() + ") is not running"));
		java.util.Set<Long> old = master.children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
		Processes.signal(nginx, "HUP");
		long deadline = System.nanoTime() + GRACE.toNanos();
		while (master.children().anyMatch(worker -> old.contains(worker.pid()))
				|| master.children().findAny().isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new StackException("nginx (pid " + nginx.pid() + ") did not reload within "
						+ GRACE.toSeconds() + " s; see " + runDir.resolve("logs").resolve("nginx-error.log"));
			}
			Processes.sleep(50);
		}
		say("nginx (pid %d): access log %s", nginx.pid(), on ? "on" : "off");
	}

	/** Each process: running, frozen or gone, and what its health check answers. */
	@Override
	public List<MemberStatus> status(StackState state) {
		return state.members().stream().map(MemberStatus::of).toList();
	}

	/** How long {@code chaos start} waits for the port of a process killed just before to be free. */
	static final Duration PORT_RELEASE = Duration.ofSeconds(5);

	/**
	 * Breaks or repairs one process of a running stack and records the result in the state file.
	 * @param requested {@code app-N}, {@code redis}; with Redis HA also {@code redis-N}, {@code sentinel-N} and
	 * {@code redis-primary} (alias {@code redis}), resolved when the action runs: for kill, freeze and restart the
	 * primary the Sentinels name then, for start the Redis node that is not running, for thaw the frozen one
	 * @return the stack's state afterwards
	 */
	@Override
	public StackState chaos(StackState state, ChaosAction action, String requested) {
		String target = RedisHa.resolve(state, requested, action);
		if (!target.equals(requested)) {
			say("%s is %s now", requested, target);
		}
		Member member = state.chaosTarget(target);
		Duration timeout = Duration.ofSeconds(state.startTimeoutSeconds());
		return switch (action) {
			case KILL -> {
				requireAlive(member, action);
				if (!Processes.kill(member)) {
					throw new StackException(target + " (pid " + member.pid() + ") survived SIGKILL");
				}
				say("%s (pid %d): SIGKILL sent, process gone", target, member.pid());
				yield save(state.with(member.stopped()));
			}
			case FREEZE -> {
				requireAlive(member, action);
				Processes.signal(member, "STOP");
				say("%s (pid %d): SIGSTOP sent, frozen (it keeps its port; connections hang)", target, member.pid());
				yield state;
			}
			case THAW -> {
				requireAlive(member, action);
				Processes.signal(member, "CONT");
				say("%s (pid %d): SIGCONT sent, running again", target, member.pid());
				yield state;
			}
			case START -> {
				if (Processes.isAlive(member)) {
					throw new StackException(target + " is already running (pid " + member.pid() + "); use restart");
				}
				Ports.awaitFree(member.port(), target, PORT_RELEASE);
				yield startAndAwait(state, restartable(state, member), timeout);
			}
			case PARTITION, HEAL -> throw new StackException("chaos " + action.id() + " cuts a container off Redis's "
					+ "network: it needs a stack started with --runtime docker (native processes share one loopback)");
			case RESTART -> {
				if (Processes.isAlive(member)) {
					if (!Processes.stop(member, GRACE)) {
						throw new StackException(target + " (pid " + member.pid() + ") did not stop");
					}
					say("%s (pid %d) stopped", target, member.pid());
				}
				else {
					say("%s was not running", target);
				}
				yield startAndAwait(state.with(member.stopped()), restartable(state, member.stopped()), timeout);
			}
		};
	}

	/** With Redis HA, a Redis node comes back as a replica of the current primary (see {@link RedisHa#asReplicaOfPrimary}). */
	private static Member restartable(StackState state, Member member) {
		return member.role() == Member.Role.REDIS && RedisHa.isHa(state) ? RedisHa.asReplicaOfPrimary(state, member)
				: member;
	}

	private static void requireAlive(Member member, ChaosAction action) {
		if (!Processes.isAlive(member)) {
			throw new StackException(member.name() + " is not running; nothing to " + action.id()
					+ " (use: chaos start " + member.name() + ")");
		}
	}

	/** Starts the member's process and saves it into the state file, a step the shutdown hook cannot come between. */
	private static StackState startAndRecord(StackState state, Member member) {
		return StartedStacks.recording(() -> save(state.with(Processes.start(member))));
	}

	private static StackState save(StackState state) {
		state.save();
		return state;
	}

	private void say(String format, Object... args) {
		say(String.format(format, args));
	}

	private void say(String line) {
		this.progress.println(line);
		this.progress.flush();
	}
}
