package org.authbench.harness.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts an app from a class-data archive (AppCDS, in every JDK since 13) instead of its fat jar:
 * the jar extracted to plain jars ({@code java -Djarmode=tools -jar app.jar extract}), and the
 * classes one start loaded dumped into {@code app.jsa} ({@code -XX:ArchiveClassesAtExit}, the
 * start stopped by Spring Boot right after its context refreshed). Two instances of
 * clustered-session-app started side by side on this machine (2 CPUs) took 9.9 s to a refreshed
 * context from the fat jar and 4.9 s from the archive; only class loading changes, not the code the JIT makes (docs/method.md §1).
 *
 * <p>
 * The archive lives in {@code <module>/target/cds/} beside the jar it was made from, with a stamp
 * that names that jar (its SHA-256) and the {@code java} that made it: an app starts from the
 * archive only while the stamp matches, so a rebuilt jar or another JDK is never run from a stale
 * copy; {@link #prepare} makes it again. {@code AUTHBENCH_CDS=off} turns all of it off.
 */
public final class ClassDataArchive {

	/** The setting that turns class-data archives off (value {@code off}). */
	static final String SETTING = "AUTHBENCH_CDS";

	private static final String STAMP = "stamp";

	private static final String ARCHIVE = "app.jsa";

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

	/** One monitor per archive folder: a file lock keeps other processes out, not this one's other threads. */
	private static final Map<Path, Object> MAKING = new ConcurrentHashMap<>();

	private final Path jar;

	private final Path java;

	private final Path dir;

	ClassDataArchive(Path jar, Path java) {
		this.jar = jar;
		this.java = java;
		this.dir = jar.resolveSibling("cds");
	}

	/**
	 * Makes every variant's archive that is not current, with the settings {@code up} would give
	 * its first instance: the build runs this ({@code ./authbench}), so a demo from a built tree
	 * starts every app from its archive. Returns how many are current afterwards.
	 */
	public static int prepareAll(Path home, Path java, Consumer<String> say) {
		int current = 0;
		for (Variant variant : Variant.all()) {
			StackSpec spec = StackSpec.builder(variant, home).build();
			ClassDataArchive archive = new ClassDataArchive(spec.appJar(), java);
			if (Files.isRegularFile(spec.appJar()) && archive.prepare(new StackPlan(spec).appEnv(1), say)) {
				current++;
			}
		}
		return current;
	}

	/** Whether {@code AUTHBENCH_CDS} leaves archives on (anything but {@code off}). */
	public static boolean enabled(Map<String, String> environment) {
		return !"off".equalsIgnoreCase(environment.getOrDefault(SETTING, "").trim());
	}

	/** The arguments that start the app: from the archive when it is current, else {@code -jar} and the fat jar. */
	List<String> launch() {
		if (current()) {
			return List.of("-XX:SharedArchiveFile=" + this.dir.resolve(ARCHIVE), "-jar", extracted().toString());
		}
		return List.of("-jar", this.jar.toString());
	}

	/** Whether an archive made from this very jar by this very {@code java} is there. */
	boolean current() {
		try {
			return Files.isRegularFile(this.dir.resolve(ARCHIVE)) && Files.isRegularFile(extracted())
					&& Files.readString(this.dir.resolve(STAMP), StandardCharsets.UTF_8).equals(stamp());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Makes the archive unless it is current, one process at a time (a file lock beside it): the
	 * jar extracted, then one start of the app with {@code environment} that Spring Boot stops once
	 * its context is up. Returns false, having said why, when either step fails: the app then
	 * starts from its fat jar as before.
	 */
	boolean prepare(Map<String, String> environment, Consumer<String> say) {
		if (current()) {
			return true;
		}
		synchronized (MAKING.computeIfAbsent(this.dir.toAbsolutePath().normalize(), key -> new Object())) {
			return make(environment, say);
		}
	}

	private boolean make(Map<String, String> environment, Consumer<String> say) {
		try {
			Files.createDirectories(this.dir.getParent());
			try (FileChannel channel = FileChannel.open(this.dir.resolveSibling("cds.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				if (current()) {
					return true;
				}
				say.accept("making a class-data archive for " + this.jar.getFileName()
						+ " (once per jar: it halves the start-up)");
				delete(this.dir);
				Files.createDirectories(this.dir);
				Path log = this.dir.resolveSibling("cds.log");
				Files.deleteIfExists(log);
				if (!run(List.of(this.java.toString(), "-Djarmode=tools", "-jar", this.jar.toString(), "extract",
						"--destination", this.dir.toString()), Map.of(), log)) {
					say.accept("could not extract " + this.jar.getFileName() + " (see " + log + "): starting it from the jar");
					return false;
				}
				Map<String, String> training = new LinkedHashMap<>(environment);
				training.put("SERVER_PORT", "0");
				if (!run(List.of(this.java.toString(), "-XX:ArchiveClassesAtExit=" + this.dir.resolve(ARCHIVE),
						"-Dspring.context.exit=onRefresh", "-jar", extracted().toString()), training, log)
						|| !Files.isRegularFile(this.dir.resolve(ARCHIVE))) {
					say.accept("could not make the class-data archive of " + this.jar.getFileName() + " (see " + log
							+ "): starting it from the jar");
					return false;
				}
				Files.writeString(this.dir.resolve(STAMP), stamp(), StandardCharsets.UTF_8);
				return true;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The extracted jar: the fat jar's name, its libraries in {@code lib/} beside it. */
	private Path extracted() {
		return this.dir.resolve(this.jar.getFileName());
	}

	/**
	 * The jar's content digest and the real path of the {@code java} that makes and runs the
	 * archive: by content, not time, because the build touches every jar it leaves unchanged.
	 */
	private String stamp() throws IOException {
		return digest(this.jar) + " " + this.java.toRealPath() + "\n";
	}

	/** Digests already taken, by the jar's path, size and time: each instance's start asks again. */
	private static final Map<String, String> DIGESTS = new ConcurrentHashMap<>();

	private static String digest(Path jar) throws IOException {
		String key = jar.toRealPath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
		String known = DIGESTS.get(key);
		if (known != null) {
			return known;
		}
		try (InputStream in = Files.newInputStream(jar)) {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				sha.update(buffer, 0, read);
			}
			String digest = HexFormat.of().formatHex(sha.digest());
			DIGESTS.put(key, digest);
			return digest;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

	private static boolean run(List<String> command, Map<String, String> environment, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(new File("/dev/null"))
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
			for (Path path : all) {
				Files.delete(path);
			}
		}
	}
}
