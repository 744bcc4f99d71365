package org.authbench.harness.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import org.authbench.harness.nginx.NginxConfig;

/**
 * The docker runtime: the stack of a {@link StackSpec} as containers of the images of
 * {@code ./authbench images}, through Testcontainers' Docker client (it finds the engine on any
 * host: Linux, Docker Desktop, Colima…). Two private networks: {@code front} (nginx and the
 * instances) and {@code back} (the instances and Redis), so that an instance can be cut off Redis
 * while nginx still reaches it ({@link ChaosAction#PARTITION}). Every port is published on the
 * host's 127.0.0.1 with the native stack's numbers, so health checks, verify, Redis statistics and
 * the load see the same addresses on both runtimes. Chaos goes through the Docker API: kill is
 * SIGKILL, freeze is pause. A member's PID is its container's main process as the host sees it.
 * <p>
 * Containers outlive the command that started them ({@code up --detach}, then {@code down} from
 * another terminal): Testcontainers' reaper must be off ({@code TESTCONTAINERS_RYUK_DISABLED=true},
 * which {@code ./authbench} sets), and {@code down} removes every container and network by name.
 */
public final class DockerStack implements StackRuntime {

	/** In the run folder: the Docker names' prefix; its presence says the stack there is docker's. */
	static final String PROJECT_FILE = "docker-project";

	private final PrintWriter progress;

	public DockerStack(PrintWriter progress) {
		this.progress = progress;
	}

	/**
	 * What a docker run records in env.json instead of the host's nginx, Redis and JDK: each
	 * image of the variant with the Debian package versions it holds.
	 */
	public static Map<String, Object> images(Variant variant) {
		DockerClient docker = DockerContainers.client();
		Map<String, Object> images = new java.util.LinkedHashMap<>();
		images.put(ContainerSettings.image(variant.module()), DockerContainers.packageVersions(docker,
				ContainerSettings.image(variant.module()), List.of("openjdk-17-jre-headless")));
		images.put(ContainerSettings.image(ContainerSettings.NGINX), DockerContainers.packageVersions(docker,
				ContainerSettings.image(ContainerSettings.NGINX), List.of("nginx", "libnginx-mod-http-js")));
		if (variant.usesRedis()) {
			images.put(ContainerSettings.image(ContainerSettings.REDIS), DockerContainers.packageVersions(docker,
					ContainerSettings.image(ContainerSettings.REDIS), List.of("redis-server")));
		}
		return images;
	}

	/**
	 * CPU seconds each named member's container has used, from its cgroup (read in parallel, one
	 * Docker exec each), by name in the order given.
	 */
	public static Map<String, Double> cpuSeconds(StackState state, List<String> members) {
		DockerContainers containers = containers(state);
		Map<String, java.util.concurrent.CompletableFuture<Double>> sampling = new java.util.LinkedHashMap<>();
		members.forEach(name -> sampling.put(name,
				java.util.concurrent.CompletableFuture.supplyAsync(() -> containers.cpuSeconds(name), SAMPLERS)));
		Map<String, Double> ordered = new java.util.LinkedHashMap<>();
		sampling.forEach((name, seconds) -> ordered.put(name, seconds.join()));
		return ordered;
	}

	/**
	 * Lets the named members' containers run on {@code cpus} only ({@code docker update
	 * --cpuset-cpus}, e.g. {@code 0} or {@code 0-1}): a trial keeps the systems off the load
	 * generator's CPU with it, as {@code taskset} does natively. A member that is gone is left out.
	 */
	public static void cpuset(StackState state, List<String> members, String cpus) {
		DockerContainers containers = containers(state);
		members.stream().filter(containers::isRunning).forEach(name -> containers.cpuset(name, cpus));
	}

	/** Threads that ask the Docker API for each container's CPU at once (daemons: nothing to shut down). */
	private static final java.util.concurrent.ExecutorService SAMPLERS = java.util.concurrent.Executors
		.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "docker-cpu-sample");
			thread.setDaemon(true);
			return thread;
		});

	/**
	 * nginx's access log on or off, as {@link Stack#accessLog} does natively: the mounted config
	 * is rewritten, nginx's copy of it made again ({@code deploy/nginx/start.sh}'s way) and nginx
	 * reloaded (SIGHUP); it returns once the old workers are gone.
	 */
	@Override
	public void accessLog(StackState state, boolean on) {
		Member nginx = state.member("nginx").orElseThrow(() -> new StackException("the stack has no nginx"));
		Path common = Path.of(state.runDir()).resolve("nginx-conf").resolve(NginxConfig.COMMON);
		try {
			String conf = Files.readString(common);
			String rewritten = conf.replaceFirst("(?m)^access_log .*$", java.util.regex.Matcher
				.quoteReplacement(NginxConfig.accessLogDirective(ContainerSettings.NGINX_LOGS, on)));
			if (rewritten.equals(conf)) {
				return;
			}
			Files.writeString(common, rewritten);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot rewrite " + common, ex);
		}
		DockerContainers containers = containers(state);
		containers.exec(nginx.name(), "sed \"s|" + ContainerSettings.GATEWAY_SECRET + "|${AUTHBENCH_GATEWAY_SECRET:-}|g\" "
				+ ContainerSettings.NGINX_CONF + "/" + NginxConfig.COMMON + " > " + ContainerSettings.NGINX_PREFIX + "/"
				+ NginxConfig.COMMON);
		Set<String> old = nginxWorkers(containers);
		containers.signal(nginx.name(), "HUP");
		Instant deadline = Instant.now().plus(Stack.GRACE);
		while (true) {
			Set<String> now = nginxWorkers(containers);
			if (!now.isEmpty() && now.stream().noneMatch(old::contains)) {
				break;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new StackException("nginx (container " + containers.name(nginx.name()) + ") did not reload within "
						+ Stack.GRACE.toSeconds() + " s");
			}
			Processes.sleep(100);
		}
		say("nginx (container %s): access log %s", containers.name(nginx.name()), on ? "on" : "off");
	}

	/** The PIDs of nginx's worker processes in its container (old ones shutting down included). */
	private static Set<String> nginxWorkers(DockerContainers containers) {
		String listing = containers.exec("nginx", "for p in /proc/[0-9]*; do c=$(tr '\\000' ' ' < $p/cmdline 2>/dev/null);"
				+ " case \"$c\" in *'worker process'*) echo ${p#/proc/};; esac; done");
		Set<String> pids = new HashSet<>();
		for (String line : listing.split("\n")) {
			if (!line.isBlank()) {
				pids.add(line.trim());
			}
		}
		return pids;
	}

	/** Whether the stack last started from {@code runDir} runs on docker. */
	public static boolean startedIn(Path runDir) {
		return Files.isRegularFile(runDir.resolve(PROJECT_FILE));
	}

	@Override
	public StackState up(StackSpec spec) {
		if (spec.redisHa()) {
			throw new StackException("Redis with Sentinel (" + spec.variant() + "-ha) runs as native processes only for now:"
					+ " leave out --runtime docker");
		}
		DockerClient docker = DockerContainers.client();
		preflight(docker, spec);
		StackPlan plan = new StackPlan(spec);
		DockerContainers containers = new DockerContainers(docker, project(spec.runDir()), spec);
		return StartUp.run(spec, state -> {
			Stack.keepPreviousLogs(plan.logs());
			Files.createDirectories(plan.logs());
			Path conf = spec.runDir().resolve("nginx-conf");
			Files.createDirectories(conf);
			for (Map.Entry<String, String> file : ContainerSettings.nginxFiles(spec, spec.home().resolve("nginx"))
				.entrySet()) {
				Files.writeString(conf.resolve(file.getKey()), file.getValue());
			}
			Files.writeString(spec.runDir().resolve(PROJECT_FILE), containers.project() + "\n");
			state.save();
			containers.createNetworks();
			say("networks %s (nginx, instances) and %s (instances, Redis)", containers.front(), containers.back());
			if (spec.variant().usesRedis()) {
				Member redis = member("redis", Member.Role.REDIS, spec.redisPort(), ContainerSettings.redisCommand(spec),
						Map.of(), plan);
				state = startAndAwait(containers, state, containers.createRedis(redis), redis, spec.startTimeout());
			}
			List<Member> apps = new ArrayList<>();
			for (int n = 1; n <= spec.instances(); n++) {
				Member app = member(ContainerSettings.app(n), Member.Role.APP, spec.appPorts().get(n - 1),
						ContainerSettings.appCommand(spec),
						ContainerSettings.appEnvironment(spec, n, plan.jwtSecret, plan.gatewaySecret), plan);
				containers.createApp(app, n);
				say("starting %s on port %d (%s, container %s)", app.name(), app.port(),
						app.env().get("AUTHBENCH_INSTANCE_ID"), containers.name(app.name()));
				state = startAndRecord(containers, state, app);
				apps.add(state.member(app.name()).orElseThrow());
			}
			for (Member app : apps) {
				awaitHealthy(containers, app, spec.startTimeout());
				say("%s is healthy and has served a first authenticated request (pid %d)", app.name(), app.pid());
			}
			Map<String, String> nginxEnv = new java.util.TreeMap<>(spec.nginxEnvironment(plan.jwtSecret));
			if (spec.lb().isGateway()) {
				nginxEnv.put("AUTHBENCH_GATEWAY_SECRET", plan.gatewaySecret);
			}
			Member nginx = member("nginx", Member.Role.NGINX, spec.port(), List.of("sh", "/authbench/start.sh"), nginxEnv,
					plan);
			return startAndAwait(containers, state, containers.createNginx(nginx, conf, plan.logs()), nginx,
					spec.startTimeout());
		}, this::stopAfterFailure);
	}

	private static Member member(String name, Member.Role role, int port, List<String> command, Map<String, String> env,
			StackPlan plan) {
		return new Member(name, role, port, 0, 0, command, env, plan.logs().resolve(name + ".log").toString());
	}

	private void preflight(DockerClient docker, StackSpec spec) {
		StackState.load(spec.runDir()).ifPresent(existing -> {
			if (startedIn(spec.runDir()) || existing.members().stream().anyMatch(Processes::isAlive)) {
				throw new StackException("a stack is already running from " + spec.runDir() + " (" + existing.variant()
						+ ", nginx on port " + existing.port() + "); run 'authbench down' first");
			}
			existing.delete();
		});
		List<String> images = new ArrayList<>(List.of(ContainerSettings.image(ContainerSettings.NGINX),
				ContainerSettings.image(spec.variant().module())));
		if (spec.variant().usesRedis()) {
			images.add(ContainerSettings.image(ContainerSettings.REDIS));
		}
		List<String> missing = images.stream().filter(image -> !DockerContainers.hasImage(docker, image)).toList();
		if (!missing.isEmpty()) {
			throw new StackException("missing images " + missing + ": build them with ./authbench images");
		}
		Set<Integer> seen = new HashSet<>();
		List<Integer> ports = new ArrayList<>(spec.appPorts());
		ports.add(spec.port());
		if (spec.variant().usesRedis()) {
			ports.add(spec.redisPort());
		}
		for (int port : ports) {
			if (!seen.add(port)) {
				throw new StackException("port " + port + " is given twice");
			}
			Ports.requireFree(port, "the docker stack");
		}
	}

	private StackState startAndAwait(DockerContainers containers, StackState state, String container, Member member,
			Duration timeout) {
		say("starting %s on port %d (container %s)", member.name(), member.port(), container);
		StackState updated = startAndRecord(containers, state, member);
		Member started = updated.member(member.name()).orElseThrow();
		awaitHealthy(containers, started, timeout);
		say("%s is healthy (pid %d)", started.name(), started.pid());
		return updated;
	}

	/** Until the member answers its health check (and an app an authenticated request); fails when its container exits. */
	private static void awaitHealthy(DockerContainers containers, Member member, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!containers.isRunning(member.name())) {
				throw new StackException(member.name() + " exited while starting; last lines of its container's log:"
						+ System.lineSeparator() + containers.tail(member.name(), 25));
			}
			if (Health.isUp(member)) {
				if (member.role() == Member.Role.APP) {
					Warmup.await(member, containers.spec().variant().credential(), timeout);
				}
				return;
			}
			Processes.sleep(250);
		}
		throw new StackException(member.name() + " was not healthy within " + timeout.toSeconds() + " s ("
				+ Health.check(member) + "); last lines of its container's log:" + System.lineSeparator()
				+ containers.tail(member.name(), 25));
	}

	private void stopAfterFailure(StackState state) {
		say("start-up failed: removing what was created");
		down(StackState.load(Path.of(state.runDir())).orElse(state));
	}

	/**
	 * Removes every container of the stack (nginx first, Redis last), keeping each one's log in
	 * the logs folder, then its networks and the state file.
	 */
	@Override
	public List<String> down(StackState state) {
		DockerContainers containers = containers(state);
		List<String> order = new ArrayList<>();
		order.add("nginx");
		state.apps().forEach(app -> order.add(app.name()));
		order.add("redis");
		List<String> lines = new ArrayList<>();
		Path logs = Path.of(state.runDir()).resolve("logs");
		for (String name : order) {
			if (containers.exists(name)) {
				containers.saveLog(name, logs.resolve(name + (name.equals("nginx") ? ".out" : ".log")));
				containers.remove(name);
				lines.add(String.format("%-6s container %s removed", name, containers.name(name)));
			}
		}
		containers.removeNetworks();
		state.delete();
		StartedStacks.remove(Path.of(state.runDir()));
		try {
			Files.deleteIfExists(Path.of(state.runDir()).resolve(PROJECT_FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		lines.forEach(this::say);
		return lines;
	}

	@Override
	public List<MemberStatus> status(StackState state) {
		DockerContainers containers = containers(state);
		return state.members().stream().map(member -> {
			DockerContainers.Running running = containers.running(member.name());
			String health = running == DockerContainers.Running.RUNNING ? Health.check(member)
					: running == DockerContainers.Running.PAUSED ? "no answer (frozen)" : "-";
			String partitioned = member.role() == Member.Role.APP && running != DockerContainers.Running.GONE
					&& containers.isCutOffRedis(member.name()) ? " (cut off Redis)" : "";
			return new MemberStatus(member.name(), member.port(),
					running == DockerContainers.Running.GONE ? 0 : member.pid(), running.id() + partitioned, health);
		}).toList();
	}

	@Override
	public StackState chaos(StackState state, ChaosAction action, String target) {
		Member member = state.chaosTarget(target);
		DockerContainers containers = containers(state);
		Duration timeout = Duration.ofSeconds(state.startTimeoutSeconds());
		DockerContainers.Running running = containers.running(target);
		return switch (action) {
			case KILL -> {
				requireRunning(member, running, action);
				containers.kill(target);
				say("%s (container %s): SIGKILL sent, container exited", target, containers.name(target));
				yield save(state.with(member.stopped()));
			}
			case FREEZE -> {
				requireRunning(member, running, action);
				containers.pause(target);
				say("%s (container %s): paused, frozen (it keeps its address; connections hang)", target,
						containers.name(target));
				yield state;
			}
			case THAW -> {
				if (running != DockerContainers.Running.PAUSED) {
					throw new StackException(target + " is not frozen (" + running.id() + ")");
				}
				containers.unpause(target);
				say("%s (container %s): unpaused, running again", target, containers.name(target));
				yield state;
			}
			case START -> {
				if (running != DockerContainers.Running.GONE) {
					throw new StackException(target + " is already running (" + running.id() + "); use restart");
				}
				yield startAndAwait(containers, state, containers.name(target), member, timeout);
			}
			case RESTART -> {
				if (running != DockerContainers.Running.GONE) {
					containers.stop(target, Stack.GRACE);
					say("%s stopped", target);
				}
				yield startAndAwait(containers, state.with(member.stopped()), containers.name(target), member.stopped(),
						timeout);
			}
			case PARTITION -> {
				requireApp(member, action);
				containers.cutOffRedis(target);
				say("%s: disconnected from %s, Redis's network (nginx still reaches it)", target, containers.back());
				yield state;
			}
			case HEAL -> {
				requireApp(member, action);
				containers.joinRedis(target);
				say("%s: connected to %s again, it reaches Redis", target, containers.back());
				yield state;
			}
		};
	}

	private static void requireRunning(Member member, DockerContainers.Running running, ChaosAction action) {
		if (running != DockerContainers.Running.RUNNING) {
			throw new StackException(member.name() + " is not running (" + running.id() + "); nothing to " + action.id()
					+ (running == DockerContainers.Running.GONE ? " (use: chaos start " + member.name() + ")" : ""));
		}
	}

	private static void requireApp(Member member, ChaosAction action) {
		if (member.role() != Member.Role.APP) {
			throw new StackException("chaos " + action.id() + " cuts an instance (app-N) off Redis, not " + member.name());
		}
	}

	static DockerContainers containers(StackState state) {
		StackSpec spec = StackSpec.builder(state.variantType(), Path.of(state.runDir())).lb(state.lbMode())
			.instances(Math.max(1, state.apps().size()))
			.runDir(Path.of(state.runDir()))
			.build();
		return new DockerContainers(DockerContainers.client(), project(Path.of(state.runDir())), spec);
	}

	/** The Docker names' prefix of a run folder: {@code authbench-} and a digest of its path. */
	static String project(Path runDir) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(runDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
			return "authbench-" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Starts the member's container and saves it into the state file, a step the shutdown hook cannot come between. */
	private static StackState startAndRecord(DockerContainers containers, StackState state, Member member) {
		return StartedStacks.recording(
				() -> save(state.with(member.started(containers.start(member.name()), System.currentTimeMillis()))));
	}

	private static StackState save(StackState state) {
		state.save();
		return state;
	}

	private void say(String format, Object... args) {
		this.progress.println(String.format(format, args));
		this.progress.flush();
	}

	private void say(String line) {
		this.progress.println(line);
		this.progress.flush();
	}
}
