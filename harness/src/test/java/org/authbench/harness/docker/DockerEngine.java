package org.authbench.harness.docker;

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

import org.authbench.harness.deploy.ContainerStack;
import org.authbench.harness.stack.TestStacks;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The container tier's precondition, as a JUnit 5 extension: a Docker engine answers and the
 * images of {@code ./authbench images} are there. A test class that needs them fails at once
 * with what to install or run, never skips. When {@code ./authbench test} builds the images in
 * the background, it first waits for that build to end (bounded).
 */
public final class DockerEngine implements BeforeAllCallback {

	/** Every image the container tests start. */
	static final List<String> IMAGES = images();

	@Override
	public void beforeAll(ExtensionContext context) {
		require();
	}

	/** How long a container test waits for the images {@code ./authbench test} builds in the background. */
	static final Duration BACKGROUND_BOUND = Duration.ofMinutes(15);

	/** Fails with what to do when there is no engine or an image is missing. */
	public static synchronized void require() {
		awaitBackgroundImages(TestStacks.home().resolve(".authbench"), BACKGROUND_BOUND);
		Output info = run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Map.of(), 30);
		if (info.exit() != 0) {
			throw new IllegalStateException("the container tests need a Docker engine: 'docker info' failed ("
					+ info.text().strip() + "). Install the packages docker.io and docker-compose and start dockerd; "
					+ "./authbench test does both when run as root");
		}
		List<String> missing = new ArrayList<>();
		for (String image : IMAGES) {
			if (run(List.of("docker", "image", "inspect", image), Map.of(), 30).exit() != 0) {
				missing.add(image);
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("the container tests need the images " + missing
					+ ": build them with ./authbench images (./authbench test does it first)");
		}
	}

	/**
	 * Waits for the image build that {@code ./authbench test} started in the background, if it did:
	 * {@code images-background/pid} names it, {@code images-background/exit} holds its exit status
	 * once it has ended. Fails naming its log when it failed, ended without a status, or outlasts
	 * {@code bound}.
	 */
	static void awaitBackgroundImages(Path authbenchDir, Duration bound) {
		Path dir = authbenchDir.resolve("images-background");
		if (!Files.isDirectory(dir)) {
			return;
		}
		Path exit = dir.resolve("exit");
		Path log = authbenchDir.resolve("images-background.log");
		long deadline = System.nanoTime() + bound.toNanos();
		boolean said = false;
		try {
			while (!Files.exists(exit)) {
				if (!running(dir.resolve("pid")) && !Files.exists(exit)) {
					throw new IllegalStateException("the background build of the container images ended without an exit"
							+ " status (killed?); its log: " + log + ". Build them with ./authbench images");
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the background build of the container images did not end within "
							+ bound.toSeconds() + " s; its log: " + log);
				}
				if (!said) {
					System.out.println("waiting for the container images, which ./authbench test builds in the background ("
							+ log + ")");
					said = true;
				}
				Thread.sleep(1000);
			}
			String status = Files.readString(exit).strip();
			if (!"0".equals(status)) {
				throw new IllegalStateException("the background build of the container images failed (exit " + status
						+ "); its log: " + log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the container images", ex);
		}
	}

	/** Whether the process whose PID the file holds is alive; false without the file. */
	private static boolean running(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return false;
		}
		return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).map(ProcessHandle::isAlive)
			.orElse(false);
	}

	/** {@code docker-compose} (Debian's 1.29) when installed, else compose v2 as {@code docker compose}. */
	public static List<String> compose() {
		return run(List.of("docker-compose", "version"), Map.of(), 30).exit() == 0 ? List.of("docker-compose")
				: List.of("docker", "compose");
	}

	/** What a command printed (stdout and stderr) and its exit code. */
	public record Output(int exit, String text) {
	}

	/** Runs a command to its end (at most {@code timeoutSeconds}), with {@code env} on top of ours. */
	public static Output run(List<String> command, Map<String, String> env, long timeoutSeconds) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(env);
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Output(-1, command + " did not end within " + timeoutSeconds + " s");
			}
			return new Output(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return new Output(-1, command.get(0) + " cannot run: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("interrupted", ex));
		}
	}

	private static List<String> images() {
		List<String> images = new ArrayList<>(List.of(ContainerStack.image(ContainerStack.REDIS),
				ContainerStack.image(ContainerStack.NGINX)));
		for (Variant variant : Variant.all()) {
			String image = ContainerStack.image(variant.module());
			if (!images.contains(image)) {
				images.add(image);
			}
		}
		return List.copyOf(images);
	}
}
