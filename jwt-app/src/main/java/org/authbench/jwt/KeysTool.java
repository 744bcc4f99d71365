package org.authbench.jwt;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.jsonwebtoken.security.Jwk;

/**
 * {@code java -jar jwt-app.jar keys …}: creates and rotates the keys file without starting the
 * app. A rotation without downtime on several instances is three steps, each picked up by
 * every instance within {@code authbench.jwt.keys-reload}: {@code add} (every instance can
 * verify the new key), {@code activate} (new tokens use it), and, once the longest token
 * lifetime has passed, {@code retire} (tokens of the old key get 401).
 */
final class KeysTool {

	static final String USAGE = """
			usage: java -jar jwt-app.jar keys <command>
			  generate <HS256|RS256|ES256|EdDSA> <file>   a new keys file with one active key
			  add      <HS256|RS256|ES256|EdDSA> <file>   add a verify-only key (rotation step 1)
			  activate <file> <kid>                      sign new tokens with it (step 2)
			  retire   <file> <kid>                      remove a key: its tokens get 401 (step 3)
			  jwks     <file>                            print the public JWK Set
			""";

	private KeysTool() {
	}

	/** @return the process exit code: 0 done, 2 usage error, 1 failure */
	static int run(PrintWriter out, PrintWriter err, String... args) {
		if (args.length < 2) {
			err.print(USAGE);
			err.flush();
			return 2;
		}
		try {
			return switch (args[0]) {
				case "generate" -> write(out, Path.of(args[2]), generate(args[1], Path.of(args[2]), true));
				case "add" -> write(out, Path.of(args[2]), generate(args[1], Path.of(args[2]), false));
				case "activate" -> write(out, Path.of(args[1]), activate(Path.of(args[1]), args[2]));
				case "retire" -> write(out, Path.of(args[1]), retire(Path.of(args[1]), args[2]));
				case "jwks" -> {
					out.println(KeysFile.read(Path.of(args[1])).ring().publicJwks());
					out.flush();
					yield 0;
				}
				default -> {
					err.print(USAGE);
					err.flush();
					yield 2;
				}
			};
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			err.print(USAGE);
			err.flush();
			return 2;
		}
		catch (InvalidJwtKeyException ex) {
			err.println(ex.getMessage());
			err.flush();
			return 1;
		}
	}

	private static KeysFile.Contents generate(String alg, Path file, boolean fresh) {
		JwtAlgorithm algorithm = JwtAlgorithm.of(alg);
		Jwk<?> key = algorithm.generate(algorithm.id().toLowerCase() + "-" + HexFormat.of().formatHex(randomBytes()));
		if (fresh) {
			if (Files.exists(file)) {
				throw new InvalidJwtKeyException(file + " exists; 'generate' does not overwrite it.", "Use 'add'.");
			}
			return new KeysFile.Contents(key.getId(), List.of(key));
		}
		KeysFile.Contents contents = KeysFile.read(file);
		List<Jwk<?>> keys = new ArrayList<>(contents.keys());
		keys.add(0, key);
		return new KeysFile.Contents(contents.active(), keys);
	}

	private static KeysFile.Contents activate(Path file, String kid) {
		KeysFile.Contents contents = KeysFile.read(file);
		return new KeysFile.Contents(kid, contents.keys());
	}

	private static KeysFile.Contents retire(Path file, String kid) {
		KeysFile.Contents contents = KeysFile.read(file);
		if (kid.equals(contents.active())) {
			throw new InvalidJwtKeyException("'" + kid + "' is the active key; activate another one first.", "");
		}
		return new KeysFile.Contents(contents.active(),
				contents.keys().stream().filter(key -> !kid.equals(key.getId())).toList());
	}

	private static int write(PrintWriter out, Path file, KeysFile.Contents contents) {
		contents.ring(); // refuses an inconsistent result (unknown active kid, weak key) before writing it
		KeysFile.write(file, contents);
		out.println(file + ": active " + contents.active() + ", keys "
				+ contents.keys().stream().map(Jwk::getId).toList());
		out.flush();
		return 0;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[4];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
