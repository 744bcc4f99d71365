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
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
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
			command.exec(new ResultCallback.Adapter<Frame>() {
				@Override
				public void onNext(Frame frame) {
					out.writeBytes(frame.getPayload());
				}
			}).awaitCompletion(30, TimeUnit.SECONDS);
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
}
