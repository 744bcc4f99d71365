package org.authbench.harness.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.authbench.harness.deploy.ContainerStack;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The container tier's precondition, as a JUnit 5 extension: a Docker engine answers and the
 * images of {@code ./authbench images} are there. A test class that needs them fails at once
 * with what to install or run, never skips.
 */
public final class DockerEngine implements BeforeAllCallback {

	/** Every image the container tests start. */
	static final List<String> IMAGES = images();

	@Override
	public void beforeAll(ExtensionContext context) {
		require();
	}

	/** Fails with what to do when there is no engine or an image is missing. */
	public static void require() {
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
