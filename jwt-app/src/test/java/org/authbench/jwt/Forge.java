package org.authbench.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds tokens byte by byte, the way an attacker would, and signs them with plain JCA: any
 * header, any payload, any algorithm name, so the app's checks (not jjwt's builder) are what
 * is tested.
 */
final class Forge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Forge() {
	}

	/** The header of a well-formed token of these keys. */
	static Map<String, Object> header(TestKeys keys) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", keys.algorithm().id());
		header.put("kid", keys.kid());
		return header;
	}

	/** The claims of a well-formed access token of user0001, valid for five minutes. */
	static Map<String, Object> claims() {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("sub", "user0001");
		claims.put("iss", "authbench");
		claims.put("aud", "authbench-api");
		claims.put("iat", now);
		claims.put("exp", now + 300);
		claims.put("roles", List.of("USER"));
		claims.put("token_use", "access");
		claims.put("fid", UUID.randomUUID().toString());
		return claims;
	}

	/** Signed with the keys' own key and algorithm. */
	static String sign(TestKeys keys, Map<String, Object> header, Map<String, Object> claims) {
		return sign(header, claims, keys.algorithm().id(), keys.signingKey());
	}

	/** Signed with any JOSE algorithm name and key: HS*, RS*, PS256, ES256, EdDSA. */
	static String sign(Map<String, Object> header, Map<String, Object> claims, String alg, Key key) {
		String input = b64(JSON.writeValueAsString(header)) + "." + b64(JSON.writeValueAsString(claims));
		return input + "." + b64(signature(alg, key, input.getBytes(StandardCharsets.US_ASCII)));
	}

	/** HMAC-signed with raw bytes as the secret (key confusion: a public key's bytes). */
	static String hmac(Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
		return sign(header, claims, "HS256", new SecretKeySpec(secret, "HmacSHA256"));
	}

	static String unsigned(Map<String, Object> header, Map<String, Object> claims, String signature) {
		return b64(JSON.writeValueAsString(header)) + "." + b64(JSON.writeValueAsString(claims)) + "." + signature;
	}

	static byte[] signature(String alg, Key key, byte[] input) {
		try {
			if (alg.startsWith("HS")) {
				Mac mac = Mac.getInstance("HmacSHA" + alg.substring(2));
				mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA" + alg.substring(2)));
				return mac.doFinal(input);
			}
			Signature signature = switch (alg) {
				case "RS256", "RS384", "RS512" -> Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
				case "PS256" -> {
					Signature pss = Signature.getInstance("RSASSA-PSS");
					pss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
							java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
					yield pss;
				}
				case "ES256" -> Signature.getInstance("SHA256withECDSA");
				case "EdDSA" -> Signature.getInstance("EdDSA");
				default -> throw new IllegalArgumentException(alg);
			};
			signature.initSign((PrivateKey) key);
			signature.update(input);
			byte[] bytes = signature.sign();
			return "ES256".equals(alg) ? derToJose(bytes) : bytes;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** ECDSA signatures are DER in JCA and R||S (32 + 32 bytes) in JOSE. */
	private static byte[] derToJose(byte[] der) {
		int offset = der[1] == (byte) 0x81 ? 3 : 2;
		int rLength = der[offset + 1];
		byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength);
		int sOffset = offset + 2 + rLength;
		byte[] s = Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + der[sOffset + 1]);
		byte[] jose = new byte[64];
		copyRight(r, jose, 0);
		copyRight(s, jose, 32);
		return jose;
	}

	private static void copyRight(byte[] integer, byte[] target, int start) {
		int length = Math.min(integer.length, 32);
		System.arraycopy(integer, integer.length - length, target, start + 32 - length, length);
	}

	static String b64(String text) {
		return b64(text.getBytes(StandardCharsets.UTF_8));
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
