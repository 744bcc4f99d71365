package org.authbench.jwt;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.jsonwebtoken.security.Jwk;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar jwt-app.jar keys …}: creates and rotates the keys file without starting the
 * app. A rotation without downtime on several instances is three steps, each picked up by
 * every instance within {@code authbench.jwt.keys-reload}: {@code add} (every instance can
 * verify the new key), {@code activate} (new tokens use it), and, once the longest token
 * lifetime has passed, {@code retire} (tokens of the old key get 401).
 */
@Command(name = "java -jar jwt-app.jar keys", mixinStandardHelpOptions = true, versionProvider = KeysTool.Version.class,
		description = "Creates and rotates the JWT keys file (AUTHBENCH_JWT_KEYS) without starting the app.")
final class KeysTool implements Runnable {

	private static final String ALGORITHMS = "HS256, RS256, ES256 or EdDSA";

	@Spec
	private CommandSpec spec;

	/** The jar's version (its manifest's Implementation-Version); a build from classes has none. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = KeysTool.class.getPackage().getImplementationVersion();
			return new String[] { "jwt-app " + (version != null ? version : "(not from a jar)") };
		}
	}

	private KeysTool() {
	}

	/** @return the process exit code: 0 done, 2 usage error, 1 failure */
	static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine cli = new CommandLine(new KeysTool());
		cli.setOut(out);
		cli.setErr(err);
		cli.registerConverter(JwtAlgorithm.class, KeysTool::algorithm);
		cli.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof InvalidJwtKeyException invalid) {
				String action = invalid.action().isEmpty() ? "" : " " + invalid.action();
				command.getErr().println(invalid.getMessage() + action);
				return 1;
			}
			if (ex instanceof UncheckedIOException io) {
				command.getErr().println(io.getMessage() + ": " + io.getCause().getMessage());
				return 1;
			}
			throw ex;
		});
		int code = cli.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: generate, add, activate, retire or jwks");
	}

	@Command(name = "generate", description = "Writes a new keys file with one active key.")
	int generate(@Parameters(paramLabel = "<algorithm>", description = ALGORITHMS) JwtAlgorithm algorithm,
			@Parameters(paramLabel = "<file>") Path file) {
		if (Files.exists(file)) {
			throw new InvalidJwtKeyException(file + " exists; 'generate' does not overwrite it.", "Use 'add'.");
		}
		Jwk<?> key = newKey(algorithm);
		return write(file, new KeysFile.Contents(key.getId(), List.of(key)));
	}

	@Command(name = "add", description = "Adds a verify-only key (rotation step 1).")
	int add(@Parameters(paramLabel = "<algorithm>", description = ALGORITHMS) JwtAlgorithm algorithm,
			@Parameters(paramLabel = "<file>") Path file) {
		KeysFile.Contents contents = KeysFile.read(file);
		List<Jwk<?>> keys = new ArrayList<>(contents.keys());
		keys.add(0, newKey(algorithm));
		return write(file, new KeysFile.Contents(contents.active(), keys));
	}

	@Command(name = "activate", description = "Signs new tokens with this key (step 2).")
	int activate(@Parameters(paramLabel = "<file>") Path file, @Parameters(paramLabel = "<kid>") String kid) {
		return write(file, new KeysFile.Contents(kid, KeysFile.read(file).keys()));
	}

	@Command(name = "retire", description = "Removes a key: its tokens get 401 (step 3).")
	int retire(@Parameters(paramLabel = "<file>") Path file, @Parameters(paramLabel = "<kid>") String kid) {
		KeysFile.Contents contents = KeysFile.read(file);
		if (kid.equals(contents.active())) {
			throw new InvalidJwtKeyException("'" + kid + "' is the active key; activate another one first.", "");
		}
		return write(file, new KeysFile.Contents(contents.active(),
				contents.keys().stream().filter(key -> !kid.equals(key.getId())).toList()));
	}

	@Command(name = "jwks", description = "Prints the public JWK Set.")
	int jwks(@Parameters(paramLabel = "<file>") Path file) {
		this.spec.commandLine().getOut().println(KeysFile.read(file).ring().publicJwks());
		return 0;
	}

	private int write(Path file, KeysFile.Contents contents) {
		contents.ring(); // refuses an inconsistent result (unknown active kid, weak key) before writing it
		KeysFile.write(file, contents);
		this.spec.commandLine().getOut().println(file + ": active " + contents.active() + ", keys "
				+ contents.keys().stream().map(Jwk::getId).toList());
		return 0;
	}

	private static Jwk<?> newKey(JwtAlgorithm algorithm) {
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		return algorithm.generate(algorithm.id().toLowerCase() + "-" + HexFormat.of().formatHex(random));
	}

	private static JwtAlgorithm algorithm(String name) {
		try {
			return JwtAlgorithm.of(name);
		}
		catch (InvalidJwtKeyException ex) {
			throw new CommandLine.TypeConversionException(ex.getMessage() + " " + ex.action());
		}
	}
}
