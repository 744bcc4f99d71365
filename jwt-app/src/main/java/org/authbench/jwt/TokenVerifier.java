package org.authbench.jwt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.util.Base64URL;
import org.authbench.identity.Identity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a signed token against one {@link KeyRing} with Nimbus JOSE+JWT, the library of Spring
 * Security's resource server (jjwt's parser took about twice its CPU per request under load:
 * docs/results.md).
 * A token verifies only with the key its {@code kid} names and with that key's one algorithm;
 * headers that point elsewhere for a key ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}) are
 * refused and never followed, and so is a token with critical ({@code crit}) extensions or compression
 * ({@code zip}: decompressing before verification is a denial-of-service lever); then issuer, audience, use and expiry (with the clock skew) are
 * required. {@code onSignatureCheck} runs right before each signature check, which every token
 * gets; only the parsing of an accepted header is done once per spelling (docs/security.md, "How
 * jwt-app verifies now"). The claims are checked here, by the rules of Nimbus's
 * {@code JWTClaimsSet.parse} and {@code DefaultJWTClaimsVerifier}: going through their
 * general-purpose claim set cost about 8 µs per request under load (docs/results.md, "Night of
 * 2026-12-05").
 */
final class TokenVerifier {

	/**
	 * Reads the claims. Its buffers come from a pool per thread: Jackson's default pool, a
	 * concurrent deque, took 0.9 profiled µs per token under load (docs/results.md).
	 */
	private static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
		.build();

	/** The claims {@link #checked} reads; any other claim (such as the padding {@code ctx}) is skipped unread. */
	private static final Set<String> READ = Set.of("sub", "jti", "iss", "aud", "exp", "nbf", "iat",
			TokenService.USE_CLAIM, TokenService.FAMILY_CLAIM, TokenService.ROLES_CLAIM, TokenService.VERSION_CLAIM);

	private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

	private final Map<String, Key> keys = new HashMap<>();

	private final String issuer;

	private final String audience;

	private final long clockSkewMillis;

	private final Runnable onSignatureCheck;

	/** One key of the ring: its one algorithm and a verifier bound to it. */
	private record Key(JWSAlgorithm algorithm, JWSVerifier verifier) {
	}

	/** A header this ring accepts, as encoded, and the key it names. */
	private record Accepted(String encoded, JWSHeader header, Key key) {
	}

	/**
	 * How many accepted headers are kept: one per key in practice; a caller who varies the
	 * header's spelling cannot grow the map past this (plus one per thread racing at the limit).
	 */
	static final int MAX_KEPT_HEADERS = 64;

	private final Map<String, Accepted> headers = new ConcurrentHashMap<>();

	/** The header accepted last, tried first: every token of one key carries the same. */
	private volatile Accepted lastAccepted;

	TokenVerifier(KeyRing ring, JwtProperties settings, Runnable onSignatureCheck) {
		for (KeyRing.Entry entry : ring.entries()) {
			this.keys.put(entry.kid(), new Key(JWSAlgorithm.parse(entry.algorithm().id()), verifier(entry)));
		}
		this.issuer = settings.issuer();
		this.audience = settings.audience();
		this.clockSkewMillis = settings.clockSkew().toSeconds() * 1000;
		this.onSignatureCheck = onSignatureCheck;
	}

	private static JWSVerifier verifier(KeyRing.Entry entry) {
		try {
			return switch (entry.algorithm()) {
				case HS256 -> new HmacVerifier((SecretKey) entry.verificationKey());
				case RS256 -> new RSASSAVerifier((RSAPublicKey) entry.verificationKey());
				case ES256 -> new ECDSAVerifier((ECPublicKey) entry.verificationKey());
				case EDDSA -> new Ed25519Verifier((PublicKey) entry.verificationKey());
			};
		}
		catch (JOSEException ex) {
			throw new InvalidJwtKeyException("JWT key '" + entry.kid() + "' cannot verify " + entry.algorithm().id()
					+ ": " + ex.getMessage(), "Generate a new keys file: java -jar jwt-app.jar keys generate "
					+ entry.algorithm().id() + " keys.json");
		}
	}

	/** What the token says if it is a signed token of this use that holds now; empty otherwise. */
	Optional<TokenService.Verified> verify(String token, TokenService.Use use) {
		if (!isCompactJws(token)) {
			return Optional.empty();
		}
		int first = token.indexOf('.');
		int second = token.indexOf('.', first + 1);
		Accepted accepted = accepted(token, first);
		if (accepted == null) {
			return Optional.empty();
		}
		try {
			this.onSignatureCheck.run();
			// One copy of the token's bytes; the signing input, the signature and the claims are ranges of it.
			byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
			if (!verifies(accepted, bytes, second)) {
				return Optional.empty();
			}
			Map<String, Object> claims = claims(decode(bytes, first + 1, second));
			return claims == null ? Optional.empty() : Optional.ofNullable(checked(claims, use, System.currentTimeMillis()));
		}
		catch (JOSEException | IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

	/** Whether the signature after {@code bytes[second]} is that of the bytes before it, by the accepted key. */
	private static boolean verifies(Accepted accepted, byte[] bytes, int second) throws JOSEException {
		JWSVerifier verifier = accepted.key().verifier();
		// accepted() has already held the header's algorithm to the key's one, which is all HmacVerifier checks.
		if (verifier instanceof HmacVerifier hmac) {
			return hmac.verify(bytes, second, decode(bytes, second + 1, bytes.length));
		}
		return verifier.verify(accepted.header(), Arrays.copyOf(bytes, second),
				new Base64URL(new String(bytes, second + 1, bytes.length - second - 1, StandardCharsets.US_ASCII)));
	}

	/** What the base64url text in {@code bytes[from..to)} stands for, by the JDK's strict decoder. */
	private static byte[] decode(byte[] bytes, int from, int to) {
		ByteBuffer decoded = BASE64URL.decode(ByteBuffer.wrap(bytes, from, to - from));
		byte[] array = decoded.array();
		return decoded.remaining() == array.length ? array : Arrays.copyOf(array, decoded.remaining());
	}

	/**
	 * The claims of a JSON object, as Jackson's map binding gives them (strings, numbers, booleans,
	 * null, lists, maps), read with its streaming parser: only the names in {@link #READ} are kept,
	 * and a repeated name counts once, the last one, as RFC 7519 §4 allows. Null for anything but
	 * one object. Binding the whole payload to a map cost about 4 µs per request under load.
	 */
	static Map<String, Object> claims(byte[] json) {
		try (JsonParser parser = JSON.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			Map<String, Object> claims = new HashMap<>();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				if (READ.contains(name)) {
					claims.put(name, value(parser, token));
				}
				else {
					parser.skipChildren();
				}
			}
			// nextName() ended the loop at the object's end (anything else there fails to parse): nothing may follow.
			return parser.nextToken() == null ? claims : null;
		}
	}

	private static Object value(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case START_ARRAY -> {
				List<Object> values = new ArrayList<>();
				for (JsonToken each = parser.nextToken(); each != JsonToken.END_ARRAY; each = parser.nextToken()) {
					values.add(value(parser, each));
				}
				yield values;
			}
			case START_OBJECT -> parser.readValueAs(Object.class);
			default -> null;
		};
	}

	/**
	 * The claims as a verified token, or null where Nimbus would have refused them. Registered
	 * claims must have their registered types ({@code JWTClaimsSet.parse}: strings, a string or
	 * an array of strings for {@code aud}, numbers of seconds for the times). Then, as
	 * {@code DefaultJWTClaimsVerifier} with the required {@code exp}, {@code jti} and {@code sub}:
	 * {@code iss} and {@code token_use} exactly this verifier's, {@code aud} naming its audience,
	 * {@code exp} later and {@code nbf} (if any) earlier than now, each give or take the clock
	 * skew. jwt-app's own claims: {@code fid} a string, {@code roles} a list, {@code ver} a number
	 * if present.
	 */
	TokenService.Verified checked(Map<String, Object> claims, TokenService.Use use, long nowMillis) {
		if (!(claims.get("sub") instanceof String subject) || !(claims.get("jti") instanceof String id)
				|| !(claims.get("exp") instanceof Number expiry) || !this.issuer.equals(claims.get("iss"))
				|| !use.claim().equals(claims.get(TokenService.USE_CLAIM)) || !hasAudience(claims.get("aud"))) {
			return null;
		}
		Object notBefore = claims.get("nbf");
		Object issuedAt = claims.get("iat");
		if (notBefore != null && !(notBefore instanceof Number) || issuedAt != null && !(issuedAt instanceof Number)) {
			return null;
		}
		if (expiry.longValue() * 1000 + this.clockSkewMillis <= nowMillis
				|| notBefore != null && ((Number) notBefore).longValue() * 1000 - this.clockSkewMillis >= nowMillis) {
			return null;
		}
		if (!(claims.get(TokenService.FAMILY_CLAIM) instanceof String family)) {
			return null;
		}
		Long version = claims.get(TokenService.VERSION_CLAIM) instanceof Number number ? number.longValue() : null;
		return new TokenService.Verified(new Identity(subject, roles(claims.get(TokenService.ROLES_CLAIM))), id,
				Instant.ofEpochSecond(expiry.longValue()), family, version);
	}

	/** A string or an array of strings, one of them this verifier's audience. */
	private boolean hasAudience(Object aud) {
		if (aud instanceof String single) {
			return this.audience.equals(single);
		}
		if (!(aud instanceof List<?> list)) {
			return false;
		}
		boolean named = false;
		for (Object each : list) {
			if (!(each instanceof String value)) {
				return false;
			}
			named |= this.audience.equals(value);
		}
		return named;
	}

	private static List<String> roles(Object claim) {
		if (!(claim instanceof List<?> list)) {
			return List.of();
		}
		String[] roles = new String[list.size()];
		for (int i = 0; i < roles.length; i++) {
			roles[i] = String.valueOf(list.get(i));
		}
		return List.of(roles); // immutable already: Identity keeps it without copying it again
	}

	/**
	 * The header of a token if it names a key of this ring with that key's algorithm and points
	 * nowhere else; null otherwise. Accepted headers are kept by their exact encoded text: every
	 * token of one key carries the same one, and parsing it again each time was a quarter of the
	 * verification's CPU under load (docs/security.md).
	 */
	private Accepted accepted(String token, int headerEnd) {
		Accepted last = this.lastAccepted;
		if (last != null && last.encoded().length() == headerEnd && token.startsWith(last.encoded())) {
			return last;
		}
		String encodedHeader = token.substring(0, headerEnd);
		Accepted known = this.headers.get(encodedHeader);
		if (known != null) {
			this.lastAccepted = known;
			return known;
		}
		JWSHeader header;
		try {
			header = JWSHeader.parse(new Base64URL(encodedHeader));
		}
		catch (ParseException ex) {
			return null;
		}
		if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
				|| header.getX509CertChain() != null || header.getCriticalParams() != null
				|| header.getCustomParam("zip") != null) {
			return null;
		}
		Key key = header.getKeyID() == null ? null : this.keys.get(header.getKeyID());
		if (key == null || !key.algorithm().equals(header.getAlgorithm())) {
			return null;
		}
		Accepted accepted = new Accepted(encodedHeader, header, key);
		if (this.headers.size() < MAX_KEPT_HEADERS) {
			this.headers.putIfAbsent(encodedHeader, accepted);
		}
		this.lastAccepted = accepted;
		return accepted;
	}

	/** How many accepted headers are kept now. */
	int keptHeaders() {
		return this.headers.size();
	}

	/**
	 * Three base64url parts without padding, and nothing else. Nimbus's base64 decoder skips
	 * characters outside the alphabet, so a signature with a {@code *} slipped in would otherwise
	 * verify as the untouched one (docs/security.md case 9).
	 */
	static boolean isCompactJws(String token) {
		int dots = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '.') {
				dots++;
			}
			else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
				return false;
			}
		}
		return dots == 2;
	}

	/**
	 * HMAC with one {@link Mac} per thread, initialised once with the key. Nimbus's
	 * {@code MACVerifier} looks the algorithm up and initialises a new {@code Mac} on every call:
	 * two thirds of its samples in a profile under load (docs/security.md).
	 */
	static final class HmacVerifier extends BaseJWSProvider implements JWSVerifier {

		private final ThreadLocal<Mac> macs;

		HmacVerifier(SecretKey key) throws JOSEException {
			super(Set.of(JWSAlgorithm.HS256));
			mac(key);
			this.macs = ThreadLocal.withInitial(() -> {
				try {
					return mac(key);
				}
				catch (JOSEException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

		private static Mac mac(SecretKey key) throws JOSEException {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new JOSEException("HmacSHA256: " + ex.getMessage(), ex);
			}
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
			if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
				return false;
			}
			return verify(signingInput, signingInput.length, signature.decode());
		}

		/** Whether {@code signature} is the MAC of the first {@code length} bytes of {@code input}. */
		boolean verify(byte[] input, int length, byte[] signature) {
			Mac mac = this.macs.get();
			mac.update(input, 0, length);
			return MessageDigest.isEqual(mac.doFinal(), signature);
		}
	}

	/**
	 * EdDSA (Ed25519) with the JDK's own signature: Nimbus's Ed25519 verifier needs Google Tink,
	 * while the JDK (15 and later) verifies Ed25519 itself.
	 */
	static final class Ed25519Verifier extends BaseJWSProvider implements JWSVerifier {

		private final PublicKey key;

		Ed25519Verifier(PublicKey key) {
			super(Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519));
			this.key = key;
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
			if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
				return false;
			}
			try {
				Signature ed25519 = Signature.getInstance("Ed25519");
				ed25519.initVerify(this.key);
				ed25519.update(signingInput);
				return ed25519.verify(signature.decode());
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}
	}
}
