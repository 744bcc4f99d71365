package org.authbench.testsupport;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds tokens byte by byte, the way an attacker would, and signs them with plain JCA: any
 * header, any payload, any algorithm name, so the app's checks (not jjwt's builder) are what
 * is tested. Shared through resource-api's test-jar: jwt-app's tests send these tokens to the
 * app, the harness's tests send them through the nginx gateway.
 */
public final class TokenForge {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenForge() {
	}

	/** The header of a well-formed token of these keys. */
	public static Map<String, Object> header(TokenKey keys) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", keys.algorithm());
		header.put("kid", keys.kid());
		return header;
	}

	/** The claims of a well-formed access token of user0001, valid for five minutes. */
	public static Map<String, Object> claims() {
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
	public static String sign(TokenKey keys, Map<String, Object> header, Map<String, Object> claims) {
		return sign(header, claims, keys.algorithm(), keys.signingKey());
	}

	/** Signed with any JOSE algorithm name and key: HS*, RS*, PS256, ES256, EdDSA. */
	public static String sign(Map<String, Object> header, Map<String, Object> claims, String alg, Key key) {
		return signText(json(header), json(claims), alg, key);
	}

	/** Signed with the keys' own key and a well-formed header, the payload any text (a JSON array, null, …). */
	public static String signPayload(TokenKey keys, String payload) {
		return signText(json(header(keys)), payload, keys.algorithm(), keys.signingKey());
	}

	private static String signText(String header, String payload, String alg, Key key) {
		String input = b64(header) + "." + b64(payload);
		return input + "." + b64(signature(alg, key, input.getBytes(StandardCharsets.US_ASCII)));
	}

	/** HMAC-signed with raw bytes as the secret (key confusion: a public key's bytes). */
	public static String hmac(Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
		return sign(header, claims, "HS256", new SecretKeySpec(secret, "HmacSHA256"));
	}

	public static String unsigned(Map<String, Object> header, Map<String, Object> claims, String signature) {
		return b64(JSON.writeValueAsString(header)) + "." + b64(JSON.writeValueAsString(claims)) + "." + signature;
	}

	private static byte[] signature(String alg, Key key, byte[] input) {
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

	/** Signed with the keys' own key, the payload DEFLATE-compressed as a {@code "zip":"DEF"} token's is. */
	public static String compressed(TokenKey keys, Map<String, Object> header, Map<String, Object> claims) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		deflater.setInput(JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		byte[] buffer = new byte[4096];
		byte[] payload = Arrays.copyOf(buffer, deflater.deflate(buffer));
		deflater.end();
		String input = b64(JSON.writeValueAsString(header)) + "." + b64(payload);
		return input + "." + b64(signature(keys.algorithm(), keys.signingKey(), input.getBytes(StandardCharsets.US_ASCII)));
	}

	/** A compact JWE ({@code "alg":"dir","enc":"A256GCM"}): the claims encrypted with a 256-bit AES key. */
	public static String jwe(String kid, Map<String, Object> claims, byte[] aesKey) {
		String header = b64("{\"kid\":\"" + kid + "\",\"alg\":\"dir\",\"enc\":\"A256GCM\"}");
		byte[] iv = new byte[12];
		RANDOM.nextBytes(iv);
		try {
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
			aes.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = aes.doFinal(JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8));
			int tag = sealed.length - 16;
			return header + ".." + b64(iv) + "." + b64(Arrays.copyOf(sealed, tag)) + "."
					+ b64(Arrays.copyOfRange(sealed, tag, sealed.length));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh key pair of an asymmetric JOSE algorithm: RS*, PS256, ES256 or EdDSA (Ed25519). */
	public static KeyPair keyPair(String alg) {
		try {
			if (alg.startsWith("RS") || alg.startsWith("PS")) {
				KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
				rsa.initialize(2048);
				return rsa.generateKeyPair();
			}
			if ("ES256".equals(alg)) {
				KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
				ec.initialize(new ECGenParameterSpec("secp256r1"));
				return ec.generateKeyPair();
			}
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public JWK (RFC 7517) of an RSA, P-256 or Ed25519 key; with its {@code kid} unless null. */
	public static Map<String, Object> publicJwk(PublicKey key, String kid) {
		Map<String, Object> jwk = new LinkedHashMap<>();
		if (key instanceof RSAPublicKey rsa) {
			jwk.put("kty", "RSA");
			jwk.put("n", b64(unsigned(rsa.getModulus())));
			jwk.put("e", b64(unsigned(rsa.getPublicExponent())));
		}
		else if (key instanceof ECPublicKey ec) {
			jwk.put("kty", "EC");
			jwk.put("crv", "P-256");
			jwk.put("x", b64(fixed(ec.getW().getAffineX(), 32)));
			jwk.put("y", b64(fixed(ec.getW().getAffineY(), 32)));
		}
		else {
			byte[] encoded = key.getEncoded();
			jwk.put("kty", "OKP");
			jwk.put("crv", "Ed25519");
			jwk.put("x", b64(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
		}
		if (kid != null) {
			jwk.put("kid", kid);
		}
		return jwk;
	}

	/** JSON text, as a token's header or payload holds it. */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** Big-endian, without the sign byte. */
	public static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static byte[] fixed(BigInteger value, int length) {
		byte[] target = new byte[length];
		copyRight(unsigned(value), target, 0);
		return target;
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

	public static String b64(String text) {
		return b64(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
