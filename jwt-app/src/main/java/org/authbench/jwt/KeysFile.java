package org.authbench.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys file several instances share ({@code AUTHBENCH_JWT_KEYS}): a JWK Set (RFC 7517)
 * of private (or secret) keys, each with {@code kid} and {@code alg}, plus an
 * {@code "active"} member naming the key that signs new tokens:
 * <pre>{"active":"k2","keys":[{"kty":"EC","kid":"k2","alg":"ES256",…},{"kty":"EC","kid":"k1",…}]}</pre>
 * It holds private keys: keep it readable by the apps only.
 */
final class KeysFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the file holds: the active kid and every key, in file order. */
	record Contents(String active, List<Jwk<?>> keys) {

		KeyRing ring() {
			return KeyRing.of(this.active, this.keys);
		}
	}

	private KeysFile() {
	}

	static Contents read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidJwtKeyException("The JWT keys file " + file + " cannot be read: " + ex.getMessage(),
					"Check AUTHBENCH_JWT_KEYS, or create the file: java -jar jwt-app.jar keys generate ES256 " + file);
		}
		try {
			JsonNode root = JSON.readTree(text);
			List<Jwk<?>> keys = new ArrayList<>();
			for (JsonNode key : root.path("keys")) {
				keys.add(Jwks.parser().build().parse(key.toString()));
			}
			String active = root.path("active").asString(keys.isEmpty() ? null : keys.get(0).getId());
			return new Contents(active, List.copyOf(keys));
		}
		catch (RuntimeException ex) {
			if (ex instanceof InvalidJwtKeyException invalid) {
				throw invalid;
			}
			throw new InvalidJwtKeyException("The JWT keys file " + file + " is not a JWK Set: " + ex.getMessage(),
					"Create it with: java -jar jwt-app.jar keys generate ES256 " + file);
		}
	}

	/** Writes atomically (a temporary file, then a rename), so a reloading instance never reads half a file. */
	static void write(Path file, Contents contents) {
		ObjectNode root = JSON.createObjectNode();
		root.put("active", contents.active());
		ArrayNode keys = root.putArray("keys");
		for (Jwk<?> key : contents.keys()) {
			keys.add(JSON.readTree(Jwks.UNSAFE_JSON(key)));
		}
		String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temporary = Files.createTempFile(parent, ".keys", ".tmp");
			Files.writeString(temporary, json, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}
}
