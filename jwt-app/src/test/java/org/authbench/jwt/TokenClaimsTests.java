package org.authbench.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim rules {@link TokenVerifier} applies after the signature, as Nimbus's
 * {@code JWTClaimsSet.parse} and {@code DefaultJWTClaimsVerifier} applied them before it checked
 * them itself: registered claims of the wrong type, a missing required claim, another issuer,
 * audience or use, and times outside the clock skew are refused; the rest is read as it was.
 */
class TokenClaimsTests {

	private static final long NOW = 1_800_000_000_000L;

	private static final long SKEW_SECONDS = 30;

	private final TokenVerifier verifier = new TokenVerifier(
			KeyRing.of("k1", List.of(JwtAlgorithm.HS256.generate("k1"))),
			new JwtProperties(JwtAlgorithm.HS256, null, null, Duration.ofSeconds(10), "authbench", "authbench-api",
					Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofSeconds(SKEW_SECONDS), 8192,
					JwtProperties.Revocation.NONE, 0),
			() -> {
			});

	private static Map<String, Object> claims() {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", "user0001");
		claims.put("jti", "id-1");
		claims.put("iss", "authbench");
		claims.put("aud", List.of("authbench-api"));
		claims.put("iat", NOW / 1000);
		claims.put("exp", NOW / 1000 + 900);
		claims.put("roles", List.of("USER", "ADMIN"));
		claims.put("token_use", "access");
		claims.put("fid", "family-1");
		return claims;
	}

	private static Map<String, Object> with(String name, Object value) {
		Map<String, Object> claims = claims();
		if (value == null) {
			claims.remove(name);
		}
		else {
			claims.put(name, value);
		}
		return claims;
	}

	private TokenService.Verified check(Map<String, Object> claims) {
		return this.verifier.checked(claims, TokenService.Use.ACCESS, NOW);
	}

	@Test
	void wellFormedClaimsAreReadAsBefore() {
		TokenService.Verified verified = check(claims());
		assertThat(verified).isNotNull();
		assertThat(verified.identity().username()).isEqualTo("user0001");
		assertThat(verified.identity().roles()).containsExactly("USER", "ADMIN");
		assertThat(verified.id()).isEqualTo("id-1");
		assertThat(verified.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW / 1000 + 900));
		assertThat(verified.family()).isEqualTo("family-1");
		assertThat(verified.version()).isNull();
		assertThat(check(with("ver", 7)).version()).isEqualTo(7L);
		assertThat(check(with("aud", "authbench-api"))).as("aud as one string").isNotNull();
		assertThat(check(with("aud", List.of("other", "authbench-api")))).as("aud naming it among others").isNotNull();
		assertThat(check(with("roles", null)).identity().roles()).as("no roles").isEmpty();
		assertThat(check(with("exp", 1.8e9 + 900.7))).as("a fractional exp, whole seconds").isNotNull();
		assertThat(check(with("ctx", "padding"))).as("an unknown claim").isNotNull();
	}

	@Test
	void aMissingRequiredClaimIsRefused() {
		for (String name : List.of("sub", "jti", "exp", "iss", "aud", "token_use", "fid")) {
			assertThat(check(with(name, null))).as("without %s", name).isNull();
		}
	}

	@Test
	void aRegisteredClaimOfTheWrongTypeIsRefused() {
		assertThat(check(with("sub", 42))).as("sub a number").isNull();
		assertThat(check(with("jti", List.of("id-1")))).as("jti an array").isNull();
		assertThat(check(with("exp", String.valueOf(NOW / 1000 + 900)))).as("exp a string").isNull();
		assertThat(check(with("nbf", "0"))).as("nbf a string").isNull();
		assertThat(check(with("iat", "now"))).as("iat a string").isNull();
		assertThat(check(with("aud", List.of("authbench-api", 7)))).as("aud with a number in it").isNull();
		assertThat(check(with("aud", Map.of("aud", "authbench-api")))).as("aud an object").isNull();
		assertThat(check(with("fid", 1))).as("fid a number").isNull();
	}

	@Test
	void anotherIssuerAudienceOrUseIsRefused() {
		assertThat(check(with("iss", "someone-else"))).isNull();
		assertThat(check(with("aud", List.of("another-api")))).isNull();
		assertThat(check(with("aud", List.of()))).as("an empty audience").isNull();
		assertThat(check(with("token_use", "refresh"))).isNull();
		assertThat(this.verifier.checked(claims(), TokenService.Use.REFRESH, NOW)).as("an access token as refresh").isNull();
		assertThat(this.verifier.checked(with("token_use", "refresh"), TokenService.Use.REFRESH, NOW)).isNotNull();
	}

	@Test
	void timesHoldWithinTheClockSkewAndNotBeyond() {
		long nowSeconds = NOW / 1000;
		assertThat(check(with("exp", nowSeconds - SKEW_SECONDS + 1))).as("expired, within the skew").isNotNull();
		assertThat(check(with("exp", nowSeconds - SKEW_SECONDS))).as("expired by the skew").isNull();
		assertThat(check(with("nbf", nowSeconds + SKEW_SECONDS - 1))).as("not yet valid, within the skew").isNotNull();
		assertThat(check(with("nbf", nowSeconds + SKEW_SECONDS))).as("not yet valid by the skew").isNull();
	}

	private static Map<String, Object> read(String json) {
		return TokenVerifier.claims(json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theStreamingReaderGivesWhatJacksonsMapBindingGivesForTheClaimsItReads() {
		String json = "{\"jti\":\"id-1\",\"sub\":\"user0001\",\"iss\":\"authbench\",\"aud\":[\"authbench-api\",[1,{\"a\":true}]],"
				+ "\"iat\":1800000000,\"exp\":1800000900.5,\"nbf\":18446744073709551616,\"roles\":[\"USER\",null,false],"
				+ "\"token_use\":\"access\",\"fid\":{\"x\":[1,2]},\"ver\":null,\"ctx\":{\"deep\":[[[\"skipped\"]]]}}";
		Map<String, Object> bound = JsonMapper.shared().readValue(json, new TypeReference<Map<String, Object>>() {
		});
		bound.remove("ctx");
		assertThat(read(json)).isEqualTo(bound);
	}

	@Test
	void theStreamingReaderKeepsTheLastOfARepeatedNameAndOnlyOneWholeObject() {
		assertThat(read("{\"sub\":\"first\",\"sub\":\"last\"}")).containsEntry("sub", "last");
		assertThat(read("{\"ctx\":1,\"unknown\":[1,2]}")).isEmpty();
		assertThat(read("[\"sub\"]")).as("an array").isNull();
		assertThat(read("\"sub\"")).as("a string").isNull();
		assertThat(read("{\"sub\":\"a\"} {}")).as("trailing content").isNull();
		assertThatThrownBy(() -> read("{\"sub\":\"a\",\"ctx\":[1,}")).as("malformed, in a skipped claim too")
			.isInstanceOf(tools.jackson.core.JacksonException.class);
	}
}
