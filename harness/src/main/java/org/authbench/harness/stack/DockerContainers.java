package org.authbench.harness.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker objects of one {@link DockerStack}, named {@code <project>-<member>} and
 * {@code <project>-front}/{@code -back}, through the Docker API. Every call names its object, so
 * another terminal's {@code down} or {@code chaos} finds the same containers.
 */
final class DockerContainers {

	/** What a container is doing, as {@code status} shows it. */
	enum Running {

		RUNNING, PAUSED, GONE;

		String id() {
			return this == RUNNING ? "running" : this == PAUSED ? "frozen" : "gone";
		}

	}

	private static final String LABEL = "org.authbench.project";

	private final DockerClient docker;

	private final String project;

	private final StackSpec spec;

	DockerContainers(DockerClient docker, String project, StackSpec spec) {
		this.docker = docker;
		this.project = project;
		this.spec = spec;
	}

	/**
	 * Testcontainers' client for the engine it finds (DOCKER_HOST, the local socket, Docker
	 * Desktop…). Its reaper would remove the containers when this process ends: it must be off.
	 */
	static DockerClient client() {
		if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
				|| !Boolean.parseBoolean(System.getenv("TESTCONTAINERS_CHECKS_DISABLE"))) {
			throw new StackException("the docker runtime keeps its containers after this command ends and needs no "
					+ "registry: run it through ./authbench, or set TESTCONTAINERS_RYUK_DISABLED=true and "
					+ "TESTCONTAINERS_CHECKS_DISABLE=true (and TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 inside a container)");
		}
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			throw new StackException("no Docker engine answers: install one (Debian: apt-get install docker.io, then "
					+ "start dockerd) or set DOCKER_HOST");
		}
		return DockerClientFactory.instance().client();
	}

	static boolean hasImage(DockerClient docker, String image) {
		try {
			docker.inspectImageCmd(image).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	/**
	 * The Debian package versions an image holds ({@code dpkg-query}), by package: what a docker
	 * run records instead of the host's nginx, Redis and JDK. A package the image lacks is left out.
	 */
	static Map<String, String> packageVersions(DockerClient docker, String image, List<String> packages) {
		List<String> command = new ArrayList<>(List.of("dpkg-query", "-W", "-f", "${Package} ${Version}\\n"));
		command.addAll(packages);
		String id = docker.createContainerCmd(image).withEntrypoint(command).withLabels(Map.of(LABEL, "versions")).exec()
			.getId();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			docker.startContainerCmd(id).exec();
			docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
			docker.logContainerCmd(id).withStdOut(true).exec(into(out)).awaitCompletion(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			docker.removeContainerCmd(id).withForce(true).exec();
		}
		Map<String, String> versions = new java.util.TreeMap<>();
		for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
			String[] parts = line.trim().split(" ", 2);
			if (parts.length == 2 && !parts[1].isBlank()) {
				versions.put(parts[0], parts[1]);
			}
		}
		return versions;
	}

	String project() {
		return this.project;
	}

	StackSpec spec() {
		return this.spec;
	}

	String name(String member) {
		return this.project + "-" + member;
	}

	/** nginx and the instances. */
	String front() {
		return this.project + "-front";
	}

	/** The instances and Redis: leaving it cuts an instance off Redis alone. */
	String back() {
		return this.project + "-back";
	}

	void createNetworks() {
		for (String network : List.of(front(), back())) {
			this.docker.createNetworkCmd().withName(network).withLabels(Map.of(LABEL, this.project)).exec();
		}
	}

	void removeNetworks() {
		for (String network : List.of(front(), back())) {
			try {
				this.docker.removeNetworkCmd(network).exec();
			}
			catch (NotFoundException gone) {
				// never created, or already removed
			}
		}
	}

	String createRedis(Member redis) {
		create(redis, ContainerSettings.image(ContainerSettings.REDIS), back(), ContainerSettings.REDIS, List.of());
		return name(redis.name());
	}

	void createApp(Member app, int n) {
		create(app, ContainerSettings.image(this.spec.variant().module()), front(), ContainerSettings.app(n), List.of());
		this.docker.connectToNetworkCmd()
			.withNetworkId(back())
			.withContainerId(name(app.name()))
			.withContainerNetwork(new ContainerNetwork().withAliases(ContainerSettings.app(n)))
			.exec();
	}

	/** nginx with the rendered config ({@code conf}, read-only) and its logs in {@code logs}, both host folders. */
	String createNginx(Member nginx, Path conf, Path logs) {
		create(nginx, ContainerSettings.image(ContainerSettings.NGINX), front(), ContainerSettings.NGINX,
				List.of(new Bind(conf.toString(), new Volume(ContainerSettings.NGINX_CONF), AccessMode.ro),
						new Bind(logs.toString(), new Volume(ContainerSettings.NGINX_LOGS))));
		return name(nginx.name());
	}

	private void create(Member member, String image, String network, String alias, List<Bind> binds) {
		ExposedPort port = ExposedPort.tcp(member.port());
		HostConfig host = HostConfig.newHostConfig()
			.withNetworkMode(network)
			.withPortBindings(new PortBinding(com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1",
					member.port()), port))
			.withBinds(binds);
		List<String> env = new ArrayList<>();
		member.env().forEach((key, value) -> env.add(key + "=" + value));
		this.docker.createContainerCmd(image)
			.withName(name(member.name()))
			.withHostConfig(host)
			.withExposedPorts(port)
			.withAliases(alias)
			.withEnv(env)
			.withCmd(member.command())
			.withLabels(Map.of(LABEL, this.project))
			.exec();
	}

	/**
	 * CPU seconds the container has used since it started, read from its own cgroup inside it
	 * ({@code cpu.stat} under cgroup v2, {@code cpuacct.usage} under v1) through a Docker exec: it
	 * works on any Docker host, also where the containers' processes are not this host's (Docker
	 * Desktop), and it is exact at the moment of the call. The Docker stats API, the obvious
	 * source, answers only at its collector's next one-second tick: a 2 s window read through it
	 * counted up to 4 s of CPU and each window took 2 s longer (measured here, Docker 20.10). The
	 * {@code cat} it runs costs about a millisecond of the container's CPU. A paused container
	 * cannot run it: it is read through the stats API then. 0 when the container is not running.
	 */
	double cpuSeconds(String member) {
		try {
			return cgroupCpuSeconds(exec(member, CGROUP_CPU));
		}
		catch (StackException | NotFoundException | ConflictException notRunning) {
			// Paused (no exec possible) or gone: only then is the container's state asked for.
			return running(member) == Running.GONE ? 0 : statsCpuSeconds(member);
		}
	}

	/** Prints the container's CPU usage: cgroup v2's {@code cpu.stat}, else v1's {@code cpuacct.usage}. */
	private static final String CGROUP_CPU = "cat /sys/fs/cgroup/cpu.stat 2>/dev/null || cat /sys/fs/cgroup/cpuacct/cpuacct.usage";

	/** CPU seconds from {@link #CGROUP_CPU}'s output: {@code usage_usec N} (v2) or nanoseconds (v1). */
	static double cgroupCpuSeconds(String output) {
		for (String line : output.strip().split("\\R")) {
			String[] pair = line.trim().split("\\s+");
			if (pair.length == 2 && pair[0].equals("usage_usec")) {
				return Long.parseLong(pair[1]) / 1e6;
			}
			if (pair.length == 1 && pair[0].matches("\\d+")) {
				return Long.parseLong(pair[0]) / 1e9;
			}
		}
		throw new StackException("no CPU usage in the container's cgroup: " + output.strip());
	}

	/** The same through the Docker stats API (what {@code docker stats} shows), about a second late. */
	double statsCpuSeconds(String member) {
		java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
		try {
			this.docker.statsCmd(name(member)).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
				@Override
				public void onNext(Statistics stats) {
					if (stats.getCpuStats() != null && stats.getCpuStats().getCpuUsage() != null
							&& stats.getCpuStats().getCpuUsage().getTotalUsage() != null) {
						nanos.set(stats.getCpuStats().getCpuUsage().getTotalUsage());
					}
				}
			}).awaitCompletion(15, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (NotFoundException gone) {
			return 0;
		}
		return nanos.get() / 1e9;
	}

	/** The CPUs the container may run on ({@code docker update --cpuset-cpus}). */
	void cpuset(String member, String cpus) {
		this.docker.updateContainerCmd(name(member)).withCpusetCpus(cpus).exec();
	}

	/** Sends a signal to the container's main process ({@code docker kill -s}). */
	void signal(String member, String signal) {
		this.docker.killContainerCmd(name(member)).withSignal(signal).exec();
	}

	/** Runs {@code sh -c script} in the container and returns its output; fails when it exits non-zero. */
	String exec(String member, String script) {
		String id = this.docker.execCreateCmd(name(member))
			.withCmd("sh", "-c", script)
			.withAttachStdout(true)
			.withAttachStderr(true)
			.exec()
			.getId();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			this.docker.execStartCmd(id).exec(into(out)).awaitCompletion(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted");
		}
		Long exit = this.docker.inspectExecCmd(id).exec().getExitCodeLong();
		String text = out.toString(StandardCharsets.UTF_8);
		if (exit == null || exit != 0) {
			throw new StackException("in container " + name(member) + ": '" + script + "' failed (exit " + exit + "): " + text);
		}
		return text;
	}

	/** Starts the container and returns its main process's PID as the host sees it. */
	long start(String member) {
		this.docker.startContainerCmd(name(member)).exec();
		return inspect(member).getState().getPidLong();
	}

	boolean exists(String member) {
		try {
			inspect(member);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	Running running(String member) {
		try {
			InspectContainerResponse.ContainerState state = inspect(member).getState();
			return Boolean.TRUE.equals(state.getPaused()) ? Running.PAUSED
					: Boolean.TRUE.equals(state.getRunning()) ? Running.RUNNING : Running.GONE;
		}
		catch (NotFoundException ex) {
			return Running.GONE;
		}
	}

	boolean isRunning(String member) {
		return running(member) == Running.RUNNING;
	}

	void kill(String member) {
		this.docker.killContainerCmd(name(member)).withSignal("SIGKILL").exec();
	}

	void pause(String member) {
		this.docker.pauseContainerCmd(name(member)).exec();
	}

	void unpause(String member) {
		this.docker.unpauseContainerCmd(name(member)).exec();
	}

	/** SIGTERM, then SIGKILL after {@code grace}. */
	void stop(String member, Duration grace) {
		this.docker.stopContainerCmd(name(member)).withTimeout((int) grace.toSeconds()).exec();
	}

	void remove(String member) {
		this.docker.removeContainerCmd(name(member)).withForce(true).withRemoveVolumes(true).exec();
	}

	void cutOffRedis(String member) {
		if (isCutOffRedis(member)) {
			throw new StackException(member + " is already cut off Redis (heal it first)");
		}
		this.docker.disconnectFromNetworkCmd().withNetworkId(back()).withContainerId(name(member)).withForce(true).exec();
	}

	void joinRedis(String member) {
		if (!isCutOffRedis(member)) {
			throw new StackException(member + " is not cut off Redis");
		}
		this.docker.connectToNetworkCmd()
			.withNetworkId(back())
			.withContainerId(name(member))
			.withContainerNetwork(new ContainerNetwork().withAliases(member))
			.exec();
	}

	boolean isCutOffRedis(String member) {
		return !inspect(member).getNetworkSettings().getNetworks().containsKey(back());
	}

	/** The last {@code lines} lines of the container's output. */
	String tail(String member, int lines) {
		return log(member, lines);
	}

	/** The container's whole output, written to {@code file} (the native runtime's log files). */
	void saveLog(String member, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, log(member, 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private String log(String member, int lines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var command = this.docker.logContainerCmd(name(member)).withStdOut(true).withStdErr(true);
		if (lines > 0) {
			command = command.withTail(lines);
		}
		try {
			command.exec(into(out)).awaitCompletion(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (NotFoundException ex) {
			return "(no container " + name(member) + ")";
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private InspectContainerResponse inspect(String member) {
		return this.docker.inspectContainerCmd(name(member)).exec();
	}

	/** A callback that appends the payload of every frame (a container's output) to {@code out}. */
	private static ResultCallback.Adapter<Frame> into(ByteArrayOutputStream out) {
		return new ResultCallback.Adapter<>() {
			@Override
			public void onNext(Frame frame) {
				out.writeBytes(frame.getPayload());
			}
		};
	}
}
