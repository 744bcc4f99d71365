package org.authbench.harness.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.metrics.MachineCpu;
import org.authbench.harness.stack.ClassDataArchive;
import org.authbench.harness.stack.Setup;
import org.authbench.harness.stack.StackSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects {@code env.json}: CPU, cores, memory, OS, the JDK that runs the apps and its flags,
 * nginx / Redis / Gatling versions, the git commit (and whether the tree had changes), and
 * every setting of the run. A figure without this is not something to put in a design review.
 */
public final class Environment {

	private Environment() {
	}

	/**
	 * @param repo the authbench checkout
	 * @param appJavaHome the JDK the app instances run on
	 * @param appJvmFlags the flags they run with
	 * @param settings every setting of the run
	 */
	public static Map<String, Object> collect(Path repo, Path appJavaHome, List<String> appJvmFlags,
			Map<String, Object> settings) {
		Map<String, Object> env = new LinkedHashMap<>();
		env.put("collectedAt", Instant.now().toString());
		env.put("machine", machine());
		env.put("os", os());
		env.put("jdk", jdk(appJavaHome, appJvmFlags));
		env.put("harnessJdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
		env.put("nginx", firstLine(run(List.of("nginx", "-v"))));
		env.put("redis", firstLine(run(List.of("redis-server", "--version"))));
		env.put("wrk", firstLine(run(List.of("wrk", "-v"))).replaceAll(" Copyright.*", ""));
		env.put("gatling", gatlingVersion(repo));
		env.put("git", git(repo));
		env.put("settings", settings);
		return env;
	}

	/**
	 * Writes the {@code env.json} of an interleaved trial into its folder: the JVM flags are the
	 * first stack's, which every stack of a trial shares (they come from the same options).
	 */
	public static void writeTrial(Path dir, Path repo, Map<Setup, StackSpec> placed, Object trialSettings,
			String runtime) {
		StackSpec first = placed.values().iterator().next();
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("trial", trialSettings);
		described.put("setups", placed.keySet().stream().map(Setup::id).toList());
		described.put("instances", first.instances());
		Map<String, Object> env = collect(repo, first.javaHome(), first.launchOptions(), described);
		env.put("runtime", runtime);
		JsonMapper.builder().build().writeValue(dir.resolve("env.json").toFile(), env);
	}

	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpuModel", match(read("/proc/cpuinfo"), "model name\\s*:\\s*(.+)"));
		machine.put("cores", MachineCpu.count());
		String memKb = match(read("/proc/meminfo"), "MemTotal:\\s*(\\d+) kB");
		machine.put("memoryGiB", memKb == null ? null : Math.round(Long.parseLong(memKb) / 1024.0 / 1024.0 * 10) / 10.0);
		return machine;
	}

	static Map<String, Object> os() {
		Map<String, Object> os = new LinkedHashMap<>();
		String release = match(read("/etc/os-release"), "PRETTY_NAME=\"?([^\"\\n]+)\"?");
		os.put("name", release != null ? release : System.getProperty("os.name"));
		os.put("kernel", read("/proc/sys/kernel/osrelease").trim());
		os.put("arch", System.getProperty("os.arch"));
		return os;
	}

	static Map<String, Object> jdk(Path javaHome, List<String> flags) {
		String settings = run(List.of(javaHome.resolve("bin").resolve("java").toString(), "-XshowSettings:properties",
				"-version"));
		Map<String, Object> jdk = new LinkedHashMap<>();
		jdk.put("home", javaHome.toString());
		jdk.put("version", match(settings, "java\\.runtime\\.version = (.+)"));
		jdk.put("vendor", match(settings, "java\\.vendor = (.+)"));
		jdk.put("vm", match(settings, "java\\.vm\\.name = (.+)"));
		jdk.put("flags", flags);
		// Start-up only: the classes come from an archive, the code the JIT makes is the same.
		jdk.put("classDataArchives", ClassDataArchive.enabled(System.getenv()));
		return jdk;
	}

	static String gatlingVersion(Path repo) {
		String classpath = read(repo.resolve("gatling/target/gatling-classpath.txt").toString());
		return match(classpath, "gatling-core-([0-9][^/:]*?)\\.jar");
	}

	static Map<String, Object> git(Path repo) {
		Map<String, Object> git = new LinkedHashMap<>();
		git.put("commit", firstLine(run(List.of("git", "-C", repo.toString(), "rev-parse", "HEAD"))));
		git.put("dirty", !run(List.of("git", "-C", repo.toString(), "status", "--porcelain", "--untracked-files=no"))
			.isBlank());
		return git;
	}

	static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text == null ? "" : text);
		return matcher.find() ? matcher.group(1).trim() : null;
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String firstLine(String output) {
		String line = output.strip().split("\\R", 2)[0];
		return line.isEmpty() ? null : line;
	}

	/** Output (stdout and stderr) of a short command, or "" when it cannot run. */
	public static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			process.waitFor(10, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}
}
