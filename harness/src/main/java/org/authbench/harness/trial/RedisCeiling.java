package org.authbench.harness.trial;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.authbench.harness.load.LoadRun;
import org.authbench.harness.metrics.MachineCpu;
import org.authbench.harness.metrics.ProcessCpu;
import org.authbench.harness.metrics.RedisCommandStats;
import org.authbench.harness.stack.Binaries;
import org.authbench.harness.stack.RedisHa;
import org.authbench.harness.stack.StackException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis's ceiling for one design, measured rather than modelled (docs/report.md): the design's own
 * commands, as {@code MONITOR} saw them during a short load of the design, are replayed in a loop
 * against a fresh {@code redis-server} that holds a copy of the design's data and runs alone on the
 * systems' CPU, by several connections that each keep a batch of commands in flight (as the app
 * instances' shared Lettuce connections do under load), until Redis's one thread is busy. The
 * result: commands/s and Redis's CPU per command at saturation, from its own {@code INFO
 * commandstats} and {@code /proc}.
 *
 * MONITOR slows Redis down; it is used only to learn which commands a design sends, never while
 * anything is measured.
 */
public final class RedisCeiling {

	/** Connections that replay the mix; each keeps {@link #DEPTH} commands in flight. */
	static final int CONNECTIONS = 8;

	static final int DEPTH = 16;

	/** Redis's busy share of a core from which the replay counts as saturating it. */
	static final double SATURATED = 0.9;

	/** At most this many captured commands are kept (the mix repeats itself long before). */
	static final int MAX_CAPTURED = 50_000;

	/** Commands the measuring, replication, Sentinel or the clients' set-up send: not the design's request path. */
	static final Set<String> NOT_THE_DESIGNS = Set.of("info", "ping", "monitor", "replconf", "psync", "sync", "publish",
			"subscribe", "psubscribe", "unsubscribe", "client", "config", "hello", "role", "command", "select", "auth",
			"echo", "quit", "sentinel", "slowlog", "latency", "memory", "debug", "cluster", "readonly", "reset");

	/**
	 * What a replay measured.
	 *
	 * @param mix calls per command in the replayed sequence (the captured one)
	 * @param connections replaying connections
	 * @param depth commands each connection kept in flight
	 * @param seconds the measured window
	 * @param commands commands Redis ran in it ({@code INFO commandstats}, {@code INFO} left out)
	 * @param commandsPerSecond commands ÷ seconds
	 * @param redisCpuSeconds CPU of the redis-server process in the window
	 * @param microsPerCommand Redis's CPU per command, µs
	 * @param busyCores Redis's CPU ÷ seconds: near 1 when its thread was the limit
	 * @param saturated busyCores reached {@value #SATURATED}; else the generator was the limit and
	 * commandsPerSecond is a lower bound
	 * @param replicas replicas the replayed Redis fed meanwhile, as many as the design's had (with
	 * Sentinel: one), so that its ceiling includes writing the replication stream
	 */
	public record Replay(Map<String, Long> mix, int connections, int depth, double seconds, long commands,
			double commandsPerSecond, double redisCpuSeconds, double microsPerCommand, double busyCores,
			boolean saturated, int replicas) {

		Replay withReplicas(int count) {
			return new Replay(this.mix, this.connections, this.depth, this.seconds, this.commands, this.commandsPerSecond,
					this.redisCpuSeconds, this.microsPerCommand, this.busyCores, this.saturated, count);
		}
	}

	private RedisCeiling() {
	}

	/**
	 * The commands a Redis runs while {@code load} runs, in order, each as its words (name first),
	 * without the ones that are not the design's ({@link #NOT_THE_DESIGNS}).
	 */
	public static List<List<byte[]>> capture(int port, Runnable load) {
		List<List<byte[]>> captured = Collections.synchronizedList(new ArrayList<>());
		// MONITOR shows commands in the order Redis ran them: the capture ends at this ECHO, sent after the load.
		String end = "authbench-capture-end-" + System.nanoTime();
		Jedis monitor = new Jedis("127.0.0.1", port, 5000);
		Thread thread = new Thread(() -> {
			try {
				monitor.monitor(new JedisMonitor() {
					@Override
					public void onCommand(String line) {
						if (line.contains(end)) {
							this.client.disconnect();
							return;
						}
						List<byte[]> words = parseMonitorLine(line);
						if (words != null && !words.isEmpty() && captured.size() < MAX_CAPTURED
								&& !NOT_THE_DESIGNS.contains(name(words))) {
							captured.add(words);
						}
					}
				});
			}
			catch (RuntimeException closed) {
				// the connection closed: the capture is over
			}
		}, "redis-monitor");
		thread.setDaemon(true);
		thread.start();
		try (Jedis poke = new Jedis("127.0.0.1", port, 5000)) {
			// MONITOR is on once its OK came back; a PING it shows proves it (and is filtered out).
			awaitMonitor(poke, port, thread);
			load.run();
			poke.echo(end);
			thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted while capturing Redis's commands");
		}
		finally {
			monitor.close();
		}
		synchronized (captured) {
			return List.copyOf(captured);
		}
	}

	private static void awaitMonitor(Jedis poke, int port, Thread thread) throws InterruptedException {
		// Jedis's monitor() sends MONITOR and then reads lines; give it a moment, then prove it listens.
		long until = System.currentTimeMillis() + 3000;
		while (thread.isAlive() && System.currentTimeMillis() < until) {
			String clients = poke.clientList();
			if (clients.contains("cmd=monitor")) {
				return;
			}
			Thread.sleep(20);
		}
		throw new StackException("Redis on port " + port + " did not start MONITOR");
	}

	/** The command's name, lower case. */
	static String name(List<byte[]> words) {
		return new String(words.get(0), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
	}

	/**
	 * One line of {@code MONITOR}, e.g. {@code 1701619200.123456 [0 127.0.0.1:54321] "HSET" "k" "\x00\x01"},
	 * as the command's words; null for a line that is not a command (the {@code OK} that starts it).
	 * Redis writes each word quoted, with {@code \\ \" \n \r \t \a \b} and {@code \xHH} escapes.
	 */
	static List<byte[]> parseMonitorLine(String line) {
		int start = line.indexOf("] \"");
		if (start < 0) {
			return null;
		}
		List<byte[]> words = new ArrayList<>();
		int i = start + 2;
		while (i < line.length()) {
			if (line.charAt(i) != '"') {
				i++;
				continue;
			}
			i++;
			ByteArrayOutputStream word = new ByteArrayOutputStream();
			while (i < line.length() && line.charAt(i) != '"') {
				char c = line.charAt(i);
				if (c == '\\' && i + 1 < line.length()) {
					char e = line.charAt(i + 1);
					switch (e) {
						case 'n' -> word.write('\n');
						case 'r' -> word.write('\r');
						case 't' -> word.write('\t');
						case 'a' -> word.write(7);
						case 'b' -> word.write('\b');
						case 'x' -> {
							word.write(Integer.parseInt(line.substring(i + 2, i + 4), 16));
							i += 2;
						}
						default -> word.write(e);
					}
					i += 2;
				}
				else {
					word.write(c);
					i++;
				}
			}
			i++;
			words.add(word.toByteArray());
		}
		return words;
	}

	/** Calls per command in a sequence of commands. */
	static Map<String, Long> mix(List<List<byte[]>> commands) {
		Map<String, Long> mix = new TreeMap<>();
		commands.forEach(words -> mix.merge(name(words), 1L, Long::sum));
		return mix;
	}

	/**
	 * Starts a fresh redis-server on {@code cpus} (a {@code taskset -c} list, or null for any) with
	 * the source's persistence settings and a copy of its data, and as many replicas of it as the
	 * source has (with Sentinel: one, on the same CPUs), replays {@code commands} in a loop from
	 * {@code generatorCpus} (this JVM is pinned there meanwhile, then set free again), and stops them
	 * again.
	 * @param sourcePort the design's Redis, whose data and persistence settings are copied
	 * @param dir where the fresh Redis keeps its files and log
	 */
	public static Replay measure(List<List<byte[]>> commands, int sourcePort, String cpus, String generatorCpus,
			Duration warmup, Duration window, Path dir) {
		if (commands.isEmpty()) {
			throw new IllegalArgumentException("no Redis commands to replay");
		}
		List<Process> started = new ArrayList<>();
		try {
			Files.createDirectories(dir);
			int port = freePort();
			Process redis = start(port, sourcePort, cpus, dir, null);
			started.add(redis);
			copyData(sourcePort, port);
			int replicas = replicas(sourcePort);
			for (int r = 1; r <= replicas; r++) {
				Path replicaDir = Files.createDirectories(dir.resolve("replica-" + r));
				int replicaPort = freePort();
				started.add(start(replicaPort, sourcePort, cpus, replicaDir, port));
				RedisHa.awaitReplica(replicaPort, "the ceiling check's replica", replicaDir.resolve("redis.log").toString(),
						Duration.ofSeconds(10));
			}
			return replay(commands, port, redis.pid(), generatorCpus, warmup, window).withReplicas(replicas);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (Process process : started) {
				process.destroy();
				try {
					if (!process.waitFor(10, TimeUnit.SECONDS)) {
						process.destroyForcibly();
					}
				}
				catch (InterruptedException ex) {
					process.destroyForcibly();
					Thread.currentThread().interrupt();
				}
			}
			removeDataFiles(dir);
		}
	}

	/** Replicas connected to the Redis on this port ({@code INFO replication}'s {@code connected_slaves}). */
	static int replicas(int port) {
		try (Jedis redis = new Jedis("127.0.0.1", port, 5000)) {
			return Integer.parseInt(RedisCommandStats.field(redis.info("replication"), "connected_slaves"));
		}
	}

	/** With persistence on, the replay writes hundreds of MB of append-only file: only the log is kept. */
	private static void removeDataFiles(Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder())
				.filter(f -> !f.equals(dir) && !f.getFileName().toString().startsWith("redis."))
				.forEach(f -> f.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// only disk space is at stake
		}
	}

	/** A redis-server with the source's persistence settings; {@code replicaOf}: the primary's port, or null. */
	private static Process start(int port, int sourcePort, String cpus, Path dir, Integer replicaOf) throws IOException {
		String appendonly;
		String fsync;
		try (Jedis source = new Jedis("127.0.0.1", sourcePort, 5000)) {
			appendonly = source.configGet("appendonly").getOrDefault("appendonly", "no");
			fsync = source.configGet("appendfsync").getOrDefault("appendfsync", "everysec");
		}
		List<String> command = new ArrayList<>();
		if (cpus != null) {
			command.addAll(List.of(Binaries.require("taskset", "util-linux").toString(), "-c", cpus));
		}
		command.addAll(List.of(Binaries.require("redis-server", "redis-server").toString(), "--port",
				String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", appendonly, "--appendfsync",
				fsync, "--dir", dir.toAbsolutePath().toString(), "--logfile", dir.resolve("redis.log").toAbsolutePath().toString()));
		if (replicaOf != null) {
			command.addAll(List.of("--replicaof", "127.0.0.1", String.valueOf(replicaOf)));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("redis.out").toFile())
			.start();
		long until = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < until) {
			try (Jedis probe = new Jedis("127.0.0.1", port, 500)) {
				if ("PONG".equals(probe.ping())) {
					return process;
				}
			}
			catch (RuntimeException notYet) {
				LoadRun.sleep(50);
			}
			if (!process.isAlive()) {
				break;
			}
		}
		process.destroyForcibly();
		throw new StackException("the Redis for the ceiling check did not start on port " + port + "; see "
				+ dir.resolve("redis.log"));
	}

	/** Every key of the source, with its time to live: the replayed commands find the data they found. */
	static long copyData(int sourcePort, int targetPort) {
		long copied = 0;
		try (Jedis source = new Jedis("127.0.0.1", sourcePort, 5000);
				Jedis target = new Jedis("127.0.0.1", targetPort, 5000)) {
			byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
			do {
				ScanResult<byte[]> page = source.scan(cursor, new ScanParams().count(1000));
				for (byte[] key : page.getResult()) {
					byte[] dump = source.dump(key);
					long ttl = source.pttl(key);
					if (dump != null && ttl != -2) {
						target.restore(key, Math.max(0, ttl), dump, RestoreParams.restoreParams().replace());
						copied++;
					}
				}
				cursor = page.getCursorAsBytes();
			}
			while (!ScanParams.SCAN_POINTER_START.equals(new String(cursor, StandardCharsets.UTF_8)) && copied < 1_000_000);
		}
		return copied;
	}

	private static Replay replay(List<List<byte[]>> commands, int port, long redisPid, String generatorCpus,
			Duration warmup, Duration window) {
		List<byte[]> encoded = commands.stream().map(RedisCeiling::encode).toList();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
		// Not availableProcessors(), which counts only the CPUs this thread is pinned to (a model check pins it).
		String everyCpu = "0-" + (MachineCpu.count() - 1);
		// This JVM on the generator's CPUs, so that the replay does not take Redis's; on every CPU again after.
		Cpus.self(generatorCpus != null ? generatorCpus : everyCpu);
		try {
			for (int c = 0; c < CONNECTIONS; c++) {
				int offset = c * commands.size() / CONNECTIONS;
				Thread thread = new Thread(() -> {
					try (Socket socket = new Socket("127.0.0.1", port)) {
						socket.setTcpNoDelay(true);
						OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
						Replies replies = new Replies(socket.getInputStream());
						int i = offset;
						while (!stop.get()) {
							for (int d = 0; d < DEPTH; d++) {
								out.write(encoded.get(i));
								i = (i + 1) % encoded.size();
							}
							out.flush();
							replies.skip(DEPTH);
						}
					}
					catch (IOException | RuntimeException ex) {
						if (!stop.get()) {
							failures.add(ex);
						}
					}
				}, "redis-replay-" + c);
				thread.setDaemon(true);
				threads.add(thread);
				thread.start();
			}
			LoadRun.sleep(warmup.toMillis());
			Map<String, Long> pids = Map.of("redis", redisPid);
			Map<String, Long> callsBefore = RedisCommandStats.snapshot("127.0.0.1", port);
			Map<String, Double> cpuBefore = ProcessCpu.sample(pids);
			long start = System.nanoTime();
			LoadRun.sleep(window.toMillis());
			Map<String, Long> callsAfter = RedisCommandStats.snapshot("127.0.0.1", port);
			Map<String, Double> cpuAfter = ProcessCpu.sample(pids);
			double seconds = (System.nanoTime() - start) / 1e9;
			stop.set(true);
			for (Thread thread : threads) {
				thread.join(5000);
			}
			if (!failures.isEmpty()) {
				throw new StackException("replaying the Redis mix failed: " + failures.get(0));
			}
			long done = RedisCommandStats.total(RedisCommandStats.delta(callsBefore, callsAfter));
			double cpu = ProcessCpu.delta(cpuBefore, cpuAfter).getOrDefault("redis", 0.0);
			return figures(mix(commands), CONNECTIONS, DEPTH, seconds, done, cpu);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted while replaying the Redis mix");
		}
		finally {
			stop.set(true);
			Cpus.self(everyCpu);
		}
	}

	/** A command in Redis's protocol (RESP), encoded once: the replay then only copies bytes. */
	static byte[] encode(List<byte[]> words) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("*" + words.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
		for (byte[] word : words) {
			out.writeBytes(("$" + word.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(word);
			out.writeBytes(CRLF);
		}
		return out.toByteArray();
	}

	private static final byte[] CRLF = { '\r', '\n' };

	/**
	 * Reads and drops RESP2 replies, building nothing: the generator must stay cheaper than Redis
	 * (with a client library that builds objects, one CPU could not keep Redis busy).
	 */
	static final class Replies {

		private final InputStream in;

		private final byte[] buffer = new byte[1 << 16];

		private int position;

		private int limit;

		Replies(InputStream in) {
			this.in = in;
		}

		/** Drops {@code count} whole replies (an array counts with its elements). */
		void skip(int count) throws IOException {
			long pending = count;
			while (pending > 0) {
				byte type = next();
				long value = type == '*' || type == '$' ? number() : line();
				pending--;
				if (type == '*' && value > 0) {
					pending += value;
				}
				else if (type == '$' && value >= 0) {
					drop(value + 2);
				}
			}
		}

		private byte next() throws IOException {
			if (this.position == this.limit) {
				fill();
			}
			return this.buffer[this.position++];
		}

		/** The rest of a line as a number ({@code *N}, {@code $N}). */
		private long number() throws IOException {
			long value = 0;
			boolean negative = false;
			byte b;
			while ((b = next()) != '\r') {
				if (b == '-') {
					negative = true;
				}
				else {
					value = value * 10 + (b - '0');
				}
			}
			next();
			return negative ? -value : value;
		}

		/** The rest of a simple line ({@code +OK}, {@code -ERR …}, {@code :1}), dropped. */
		private long line() throws IOException {
			while (next() != '\n') {
				// dropped
			}
			return 0;
		}

		private void drop(long bytes) throws IOException {
			long left = bytes;
			while (left > 0) {
				if (this.position == this.limit) {
					fill();
				}
				int step = (int) Math.min(left, this.limit - this.position);
				this.position += step;
				left -= step;
			}
		}

		private void fill() throws IOException {
			int read = this.in.read(this.buffer);
			if (read < 0) {
				throw new EOFException("Redis closed the connection");
			}
			this.position = 0;
			this.limit = read;
		}
	}

	/** The replay's figures from what was counted. */
	public static Replay figures(Map<String, Long> mix, int connections, int depth, double seconds, long commands, double cpu) {
		double busy = cpu / seconds;
		return new Replay(mix, connections, depth, round(seconds), commands, round(commands / seconds), round(cpu),
				commands > 0 ? round(cpu * 1e6 / commands) : Double.NaN, round(busy), busy >= SATURATED, 0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
