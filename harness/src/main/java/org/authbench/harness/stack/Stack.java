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
		StackState state = new StackState(spec.variant().id(), spec.lb().id(), spec.port(), spec.runDir().toString(),
				spec.startTimeout().toSeconds(), List.of());
		try {
			keepPreviousLogs(plan.logs());
			Files.createDirectories(plan.logs());
			if (spec.variant().usesRedis()) {
				Files.createDirectories(plan.redisDir());
			}
			Path conf = spec.nginxConfig(plan.gatewaySecret).render(spec.home().resolve("nginx"), plan.nginxPrefix(), plan.logs());
			Path nginx = Binaries.require("nginx", "nginx");
			Preflight.testNginxConfig(plan.nginxCommand(nginx, conf, true));
			state.save();
			if (spec.variant().usesRedis()) {
				state = startAndAwait(state, plan.redis(Binaries.require("redis-server", "redis-server")),
						spec.startTimeout());
			}
			List<Member> apps = new ArrayList<>();
			for (int n = 1; n <= spec.instances(); n++) {
				Member app = plan.app(n);
				say("starting %s on port %d (%s)", app.name(), app.port(), app.env().get("AUTHBENCH_INSTANCE_ID"));
				app = Processes.start(app);
				state = state.with(app);
				state.save();
				apps.add(app);
			}
			for (Member app : apps) {
				Health.await(app, spec.startTimeout());
				Warmup.await(app, spec.variant().credential(), spec.startTimeout());
				say("%s is healthy and has served a first authenticated request (pid %d)", app.name(), app.pid());
			}
			state = startAndAwait(state, plan.nginx(nginx, conf), spec.startTimeout());
			return state;
		}
		catch (IOException ex) {
			stopAfterFailure(state);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			stopAfterFailure(state);
			throw ex;
		}
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
		Member started = Processes.start(member);
		StackState updated = state.with(started);
		updated.save();
		Health.await(started, timeout);
		if (started.role() == Member.Role.APP) {
			Warmup.await(started, state.variantType().credential(), timeout);
		}
		say("%s is healthy (pid %d)", started.name(), started.pid());
		return updated;
	}

	/**
	 * Stops every process of the stack (nginx first, Redis last) by PID, checks that each one
	 * and its children are gone, and removes the state file.
	 * @return one line per process
	 * @throws StackException if a process survived SIGKILL
	 */
	@Override
	public List<String> down(StackState state) {
		List<Member> order = new ArrayList<>();
		state.member("nginx").ifPresent(order::add);
		order.addAll(state.apps());
		state.member("redis").ifPresent(order::add);
		List<String> lines = new ArrayList<>();
		List<String> survivors = new ArrayList<>();
		for (Member member : order) {
			if (!Processes.isAlive(member)) {
				lines.add(String.format("%-6s was not running", member.name()));
				continue;
			}
			if (Processes.stop(member, GRACE)) {
				lines.add(String.format("%-6s stopped (pid %d)", member.name(), member.pid()));
			}
			else {
				survivors.add(member.name() + " (pid " + member.pid() + ")");
			}
		}
		if (!survivors.isEmpty()) {
			throw new StackException("still running after SIGKILL: " + String.join(", ", survivors));
		}
		state.delete();
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

	/**
	 * Breaks or repairs one process of a running stack and records the result in the state file.
	 * @param target {@code app-N} or {@code redis}
	 * @return the stack's state afterwards
	 */
	@Override
	public StackState chaos(StackState state, ChaosAction action, String target) {
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
				Ports.requireFree(member.port(), target);
				yield startAndAwait(state, member, timeout);
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
				yield startAndAwait(state.with(member.stopped()), member.stopped(), timeout);
			}
		};
	}

	private static void requireAlive(Member member, ChaosAction action) {
		if (!Processes.isAlive(member)) {
			throw new StackException(member.name() + " is not running; nothing to " + action.id()
					+ " (use: chaos start " + member.name() + ")");
		}
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
