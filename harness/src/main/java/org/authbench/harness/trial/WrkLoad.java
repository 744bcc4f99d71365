package org.authbench.harness.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.stack.Binaries;
import org.authbench.harness.stack.StackException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One window of load from wrk (C, event-driven: the cheapest generator per request, so it takes
 * the least CPU from the system it measures). Closed: each connection sends its next request when
 * the last one answered (capacity). Paced: each connection waits {@code connections / rate} on
 * average between requests ({@link Pacing}: the same wait each time, or an exponential one), which
 * keeps the rate near a fixed value below capacity (for CPU per request; wrk's pacing is per
 * connection, so a slow answer delays that connection's next request: the latency it reports is
 * not free of coordinated omission and is not used).
 * The requests come from a Lua script: every user's credential, the request mix, cycled.
 * The generator can be pinned to CPUs of its own ({@code taskset}); its CPU time comes from the
 * shell's {@code times} after wrk ended, exact to the clock tick.
 */
final class WrkLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s");

	/**
	 * A paced window's rate and arrival pattern. {@code seed} seeds the exponential waits (each wrk
	 * thread adds its number): the same seed gives every target of a round the same sequence of waits
	 * (which connection draws which wait still depends on when the answers come).
	 */
	record Pacing(int ratePerSecond, Arrivals arrivals, long seed) {

		/** Each connection's mean wait after an answer, ms. */
		double meanWaitMillis(int connections) {
			return connections * 1000.0 / this.ratePerSecond;
		}
	}

	/** What one window measured. */
	record Result(long requests, double seconds, long non2xx, long socketErrors, double p50Ms, double p99Ms,
			double generatorCpuSeconds) {

		double throughput() {
			return this.seconds > 0 ? this.requests / this.seconds : 0;
		}

		long errors() {
			return this.non2xx + this.socketErrors;
		}
	}

	/** One request of the cycle: method, path, headers, body (null for none). */
	record Request(String method, String path, Map<String, String> headers, String body) {
	}

	private final Path wrk;

	private final Path taskset;

	WrkLoad() {
		this.wrk = Binaries.require("wrk", "wrk");
		this.taskset = Binaries.require("taskset", "util-linux");
	}

	/**
	 * Runs one window and waits for it.
	 * @param pacing null for closed load, else the paced rate and arrival pattern
	 * @param cpus the generator's CPUs ({@code taskset -c} list), or null for any
	 */
	Result run(String baseUrl, List<Request> cycle, int threads, int connections, Duration length, Pacing pacing,
			String cpus, Path workDir) {
		try {
			Files.createDirectories(workDir);
			Path script = workDir.resolve("load.lua");
			Files.writeString(script, script(cycle, threads, connections, pacing));
			List<String> wrkCommand = new ArrayList<>();
			if (cpus != null) {
				wrkCommand.addAll(List.of(this.taskset.toString(), "-c", cpus));
			}
			wrkCommand.addAll(List.of(this.wrk.toString(), "-t" + threads, "-c" + connections,
					"-d" + Math.max(1, length.toMillis() / 1000) + "s", "--timeout", "5s", "-s", script.toString(), baseUrl));
			String shell = String.join(" ", wrkCommand.stream().map(WrkLoad::quote).toList()) + "; status=$?; times >&2; exit $status";
			Path out = workDir.resolve("wrk.out");
			Path err = workDir.resolve("wrk.err");
			Process process = new ProcessBuilder("bash", "-c", shell).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			if (!process.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new StackException("wrk did not end within " + (length.toSeconds() + 30) + " s; see " + out);
			}
			String stdout = Files.readString(out);
			String stderr = Files.readString(err);
			if (process.exitValue() != 0) {
				throw new StackException("wrk failed (exit " + process.exitValue() + "): " + stdout + stderr);
			}
			return parse(stdout, stderr);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted");
		}
	}

	static Result parse(String stdout, String stderr) {
		int at = stdout.indexOf("AUTHBENCH_WRK ");
		if (at < 0) {
			throw new StackException("wrk printed no summary: " + stdout + stderr);
		}
		String line = stdout.substring(at + "AUTHBENCH_WRK ".length()).lines().findFirst().orElse("{}");
		JsonNode json = JSON.readTree(line);
		return new Result(json.path("requests").asLong(), json.path("micros").asLong() / 1e6, json.path("status").asLong(),
				json.path("connect").asLong() + json.path("read").asLong() + json.path("write").asLong()
						+ json.path("timeout").asLong(),
				json.path("p50").asLong() / 1000.0, json.path("p99").asLong() / 1000.0, childrenCpu(stderr));
	}

	/** The second line of bash's {@code times}: user and system time of the shell's children (wrk). */
	static double childrenCpu(String times) {
		Matcher matcher = TIMES.matcher(times);
		double last = Double.NaN;
		int found = 0;
		while (matcher.find()) {
			found++;
			last = Integer.parseInt(matcher.group(1)) * 60 + Double.parseDouble(matcher.group(2))
					+ Integer.parseInt(matcher.group(3)) * 60 + Double.parseDouble(matcher.group(4));
		}
		return found >= 2 ? last : Double.NaN;
	}

	/**
	 * The Lua script: the cycle of requests, each thread starting at its own offset; paced, a
	 * {@code delay()} that wrk calls after each answer (ms, truncated to whole ms by wrk: the
	 * exponential wait adds 0.5 so that its mean stays {@link Pacing#meanWaitMillis}).
	 */
	static String script(List<Request> cycle, int threads, int connections, Pacing pacing) {
		StringBuilder lua = new StringBuilder("-- written by authbench for one window of an interleaved trial\n");
		lua.append("local spec = {\n");
		for (Request request : cycle) {
			lua.append("  {").append(luaString(request.method())).append(", ").append(luaString(request.path())).append(", {");
			request.headers().forEach((name, value) -> lua.append("[ ").append(luaString(name)).append(" ]=")
				.append(luaString(value)).append(", "));
			lua.append("}, ").append(request.body() == null ? "nil" : luaString(request.body())).append("},\n");
		}
		lua.append("}\n");
		lua.append("local counter = 0\n");
		lua.append("local seed = ").append(pacing == null ? 0 : Math.floorMod(pacing.seed(), 1L << 31)).append("\n");
		lua.append("function setup(thread)\n  thread:set(\"offset\", counter * ").append(Math.max(1, cycle.size() / threads))
			.append(")\n  counter = counter + 1\nend\n");
		lua.append("""
				function init(args)
				  reqs = {}
				  for i, s in ipairs(spec) do reqs[i] = wrk.format(s[1], s[2], s[3], s[4]) end
				  idx = tonumber(wrk.thread:get("offset")) or 0
				  math.randomseed(seed + idx)
				end
				function request()
				  idx = idx % #reqs + 1
				  return reqs[idx]
				end
				""");
		if (pacing != null && pacing.arrivals() == Arrivals.POISSON) {
			lua.append("local mean = ").append(String.format(Locale.ROOT, "%.3f", pacing.meanWaitMillis(connections)))
				.append("\nfunction delay()\n  return 0.5 - mean * math.log(1 - math.random())\nend\n");
		}
		else if (pacing != null) {
			lua.append("function delay()\n  return ").append(Math.max(1, Math.round(pacing.meanWaitMillis(connections))))
				.append("\nend\n");
		}
		lua.append("""
				function done(summary, latency, requests)
				  io.write(string.format('AUTHBENCH_WRK {"requests":%d,"micros":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p99":%d}\\n',
				    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
				    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(99)))
				end
				""");
		return lua.toString();
	}

	private static String luaString(String value) {
		String level = "=";
		while (value.contains("]" + level + "]")) {
			level += "=";
		}
		return "[" + level + "[" + value + "]" + level + "]";
	}

	private static String quote(String arg) {
		return "'" + arg.replace("'", "'\\''") + "'";
	}
}
