package org.authbench.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, in its own
 * temporary folder. Tests start it, may kill and restart it, and always close it; it is
 * stopped by its PID, never by name.
 */
public final class RedisProcess implements AutoCloseable {

	private final Path binary;

	private final Path dir;

	private final int port;

	private Process process;

	private RedisProcess(Path binary, Path dir, int port) {
		this.binary = binary;
		this.dir = dir;
		this.port = port;
		// A safety net: a test that forgets close() must not leave a redis-server behind the JVM.
		Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "redis-" + port + "-stop"));
	}

	/** Starts redis-server and waits until it answers PING; tests get one from {@link RedisServer}. */
	static RedisProcess start() {
		Path binary = Binaries.require("redis-server", "redis-server");
		try {
			RedisProcess redis = new RedisProcess(binary, Files.createTempDirectory("authbench-redis-"), FreePorts.next());
			redis.startProcess();
			return redis;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String host() {
		return "127.0.0.1";
	}

	/** Kills the server with SIGKILL (a crash: nothing is kept) and waits for it to be gone. */
	public void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor(this.process);
			this.process = null;
		}
	}

	/** Starts the server again on the same port, empty: it had no persistence. */
	public void restart() {
		kill();
		startProcess();
	}

	/** Sends one command (inline protocol) and returns the raw reply. */
	public String command(String... words) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host(), this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((String.join(" ", words) + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			return readReply(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis on port " + this.port + " did not answer " + words[0], ex);
		}
	}

	/** One reply; a bulk string ({@code $<length>}) is read to its end, whatever the TCP segments. */
	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		int n = in.read(buffer);
		while (n > 0) {
			reply.write(buffer, 0, n);
			if (complete(reply.toString(StandardCharsets.UTF_8))) {
				break;
			}
			n = in.read(buffer);
		}
		return reply.toString(StandardCharsets.UTF_8);
	}

	private static boolean complete(String reply) {
		int headerEnd = reply.indexOf("\r\n");
		if (!reply.startsWith("$") || headerEnd < 0) {
			return true;
		}
		int length = Integer.parseInt(reply.substring(1, headerEnd));
		return length < 0 || reply.getBytes(StandardCharsets.UTF_8).length >= headerEnd + 2 + length + 2;
	}

	@Override
	public void close() {
		kill();
	}

	private void startProcess() {
		try {
			this.process = new ProcessBuilder(List.of(this.binary.toString(), "--port", String.valueOf(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.dir.toString()))
				.redirectErrorStream(true)
				.redirectOutput(this.dir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + this.binary, ex);
		}
		try {
			Awaitility.await("redis-server on port " + this.port + " answers PING")
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.ignoreException(UncheckedIOException.class)
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(
								"redis-server exited at start-up, see " + this.dir.resolve("redis.log"));
					}
					return command("PING").startsWith("+PONG");
				});
		}
		catch (RuntimeException ex) {
			kill();
			throw ex;
		}
	}

	private static void waitFor(Process process) {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
