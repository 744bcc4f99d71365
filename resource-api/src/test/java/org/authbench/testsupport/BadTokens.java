package org.authbench.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The bad tokens of docs/security.md cases 1–11 for one server key, written once: jwt-app's tests send
 * them to the app for every algorithm, the harness's tests send them through nginx in every
 * gateway mode. Every token here must be rejected. Wherever it makes the attack sharper, a
 * token is signed with the server's own key: the signature is right, something else must
 * catch it.
 */
public final class BadTokens {

	/** Every JOSE signature algorithm a header might name. */
	public static final List<String> ALGORITHMS = List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
			"PS256", "ES256", "EdDSA");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TokenKey key;

	/** @param key the key the server under test signs and verifies with */
	public BadTokens(TokenKey key) {
		this.key = key;
	}

	/** A well-formed access token of user0001, signed with the server's key: accepted. */
	public String valid() {
		return TokenForge.sign(this.key, TokenForge.header(this.key), TokenForge.claims());
	}

	/** A valid token but for one claim, set to the value or removed when it is null. */
	public String withClaim(String name, Object value) {
		Map<String, Object> claims = TokenForge.claims();
		put(claims, name, value);
		return TokenForge.sign(this.key, TokenForge.header(this.key), claims);
	}

	/** A valid token but for one header member, set to the value or removed when it is null. */
	public String withHeader(String name, Object value) {
		Map<String, Object> header = TokenForge.header(this.key);
		put(header, name, value);
		return TokenForge.sign(this.key, header, TokenForge.claims());
	}

	private static void put(Map<String, Object> map, String name, Object value) {
		if (value == null) {
			map.remove(name);
		}
		else {
			map.put(name, value);
		}
	}

	/** 1: {@code alg: none} in any spelling, with an empty, a made-up and the real signature, with and without kid. */
	public List<String> algNone() {
		String realSignature = valid().split("\\.")[2];
		List<String> tokens = new ArrayList<>();
		for (String alg : List.of("none", "None", "NONE", "nOnE")) {
			Map<String, Object> header = TokenForge.header(this.key);
			header.put("alg", alg);
			for (String signature : List.of("", "AAAA", realSignature)) {
				tokens.add(TokenForge.unsigned(header, TokenForge.claims(), signature));
			}
			header.remove("kid");
			tokens.add(TokenForge.unsigned(header, TokenForge.claims(), ""));
		}
		return tokens;
	}

	/**
	 * 2: key confusion. For a public key: HMAC-signed with the public key as the secret (its DER
	 * bytes, its PEM text, its JWK's JSON). For an HMAC secret: the server's kid on a token
	 * signed with an attacker's RSA key pair, or HMAC-signed with an attacker's secret.
	 */
	public List<String> keyConfusion() {
		Map<String, Object> header = TokenForge.header(this.key);
		header.put("alg", "HS256");
		if (this.key.verificationKey() instanceof PublicKey publicKey) {
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			return List.of(publicKey.getEncoded(), pem.getBytes(StandardCharsets.US_ASCII),
					TokenForge.json(TokenForge.publicJwk(publicKey, null)).getBytes(StandardCharsets.UTF_8),
					TokenForge.json(TokenForge.publicJwk(publicKey, this.key.kid())).getBytes(StandardCharsets.UTF_8))
				.stream()
				.map(secret -> TokenForge.hmac(header, TokenForge.claims(), secret))
				.toList();
		}
		byte[] attackerSecret = new byte[32];
		RANDOM.nextBytes(attackerSecret);
		String hmac = TokenForge.hmac(header, TokenForge.claims(), attackerSecret);
		header.put("alg", "RS256");
		return List.of(hmac, TokenForge.sign(header, TokenForge.claims(), "RS256", TokenForge.keyPair("RS256").getPrivate()));
	}

	/**
	 * 3: a header naming any other algorithm. Where the server's key can serve it, the token is
	 * signed with it properly (jjwt would accept RS512 for an RS256 key if the algorithm set were
	 * not pinned); elsewhere the real signature is relabelled.
	 */
	public List<String> otherAlgorithms() {
		String own = this.key.algorithm();
		List<String> tokens = new ArrayList<>();
		for (String alg : ALGORITHMS) {
			if (alg.equals(own)) {
				continue;
			}
			Map<String, Object> header = TokenForge.header(this.key);
			header.put("alg", alg);
			boolean sameKeyCanSign = alg.substring(0, 2).equals(own.substring(0, 2))
					|| (own.equals("RS256") && alg.equals("PS256"));
			tokens.add(sameKeyCanSign ? TokenForge.sign(header, TokenForge.claims(), alg, this.key.signingKey())
					: TokenForge.unsigned(header, TokenForge.claims(), valid().split("\\.")[2]));
		}
		return tokens;
	}

	/** 4: unknown, missing, empty and path- or query-like key ids on tokens signed with the server's key. */
	public List<String> unknownKids() {
		List<String> tokens = new ArrayList<>();
		for (String kid : List.of("unknown-kid", "", "../../../../etc/passwd", "../../dev/null", "' OR '1'='1",
				"x".repeat(2000), this.key.kid() + " ", this.key.kid().toUpperCase())) {
			tokens.add(withHeader("kid", kid));
		}
		tokens.add(withHeader("kid", 42));
		tokens.add(withHeader("kid", null));
		return tokens;
	}

	/**
	 * 5: {@code jku} and {@code x5u} pointing at the URL, an embedded {@code jwk} of an attacker's
	 * key (signed with it, under its own kid and the server's), and one on a token the server's key signed.
	 */
	public List<String> keyReferences(String url) {
		KeyPair attacker = TokenForge.keyPair("ES256");
		Map<String, Object> attackerJwk = TokenForge.publicJwk(attacker.getPublic(), "attacker");
		Map<String, Object> embedded = TokenForge.header(this.key);
		embedded.put("alg", "ES256");
		embedded.put("kid", "attacker");
		embedded.put("jwk", attackerJwk);
		String underItsOwnKid = TokenForge.sign(embedded, TokenForge.claims(), "ES256", attacker.getPrivate());
		embedded.put("kid", this.key.kid());
		String underTheServersKid = TokenForge.sign(embedded, TokenForge.claims(), "ES256", attacker.getPrivate());
		return List.of(withHeader("jku", url), withHeader("x5u", url), underItsOwnKid, underTheServersKid,
				withHeader("jwk", attackerJwk));
	}

	/** 6: {@code crit} naming an unsupported parameter, present or absent. */
	public List<String> crit() {
		Map<String, Object> header = TokenForge.header(this.key);
		header.put("crit", List.of("authbench-policy"));
		header.put("authbench-policy", "ignore-exp");
		String present = TokenForge.sign(this.key, header, TokenForge.claims());
		header.put("crit", List.of("unknown-and-absent"));
		return List.of(present, TokenForge.sign(this.key, header, TokenForge.claims()));
	}

	/** 7: expired, not yet valid, without exp, exp not a number. */
	public List<String> outsideTheirLifetime() {
		long now = Instant.now().getEpochSecond();
		return List.of(withClaim("exp", now - 600), withClaim("nbf", now + 600), withClaim("exp", null),
				withClaim("exp", "tomorrow"));
	}

	/** 7: expired and not yet valid by {@code seconds} more than the clock skew allows. */
	public List<String> beyondTheClockSkew(int skewSeconds, int seconds) {
		long now = Instant.now().getEpochSecond();
		return List.of(withClaim("exp", now - skewSeconds - seconds), withClaim("nbf", now + skewSeconds + seconds));
	}

	/** 7: expired and not yet valid by {@code seconds} less than the clock skew allows: accepted. */
	public List<String> withinTheClockSkew(int skewSeconds, int seconds) {
		return beyondTheClockSkew(skewSeconds, -seconds);
	}

	/** 8: a wrong or missing issuer or audience. */
	public List<String> wrongIssuerOrAudience() {
		return List.of(withClaim("iss", "evil"), withClaim("iss", null), withClaim("aud", "someone-else"),
				withClaim("aud", null));
	}

	/** 8: a refresh token (by its {@code token_use}) and a token of no use. */
	public List<String> notAccessTokens() {
		return List.of(withClaim("token_use", "refresh"), withClaim("token_use", null));
	}

	/** 9: the payload changed (user0001 → admin) under the old signature; the signature stripped or cut. */
	public List<String> tampered() {
		String[] parts = valid().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("user0001", "admin");
		return List.of(parts[0] + "." + TokenForge.b64(payload) + "." + parts[2], parts[0] + "." + parts[1] + ".",
				parts[0] + "." + parts[1], parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4));
	}

	/** 9: not base64url, not JSON, not an object, too many parts; and the empty token. */
	public List<String> malformed() {
		String[] parts = valid().split("\\.");
		return List.of("not.a.token", "%%%.@@@.###", TokenForge.b64("{\"alg\":") + "." + parts[1] + "." + parts[2],
				parts[0] + "." + TokenForge.b64("[1,2") + "." + parts[2],
				parts[0] + "." + TokenForge.b64("\"a string\"") + "." + parts[2],
				parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2],
				parts[0] + "." + parts[1] + "." + parts[2].substring(0, 8) + "*" + parts[2].substring(8),
				parts[0] + "=." + parts[1] + "." + parts[2], "");
	}

	/** 10: a validly signed token padded by a claim of this many characters. */
	public String padded(int characters) {
		return withClaim("padding", "x".repeat(characters));
	}

	/** 10: a {@code zip} header, on a plain and on a really compressed payload. */
	public List<String> compressed() {
		Map<String, Object> header = TokenForge.header(this.key);
		header.put("zip", "DEF");
		return List.of(TokenForge.sign(this.key, header, TokenForge.claims()),
				TokenForge.compressed(this.key, header, TokenForge.claims()));
	}

	/** 11: JWEs, encrypted with a random key and, for an HMAC server key, with its own secret as the AES key. */
	public List<String> jwes() {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		List<String> tokens = new ArrayList<>(List.of(TokenForge.jwe(this.key.kid(), TokenForge.claims(), random)));
		if (!(this.key.verificationKey() instanceof PublicKey)) {
			tokens.add(TokenForge.jwe(this.key.kid(), TokenForge.claims(),
					Arrays.copyOf(this.key.verificationKey().getEncoded(), 32)));
		}
		return tokens;
	}
}
