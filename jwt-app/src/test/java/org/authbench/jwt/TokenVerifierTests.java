package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.authbench.identity.Identity;
import org.authbench.testsupport.TokenForge;
import org.authbench.testsupport.TokenKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nimbus verifies what jjwt signed, for every algorithm, and only the exact compact form: its
 * lenient base64 decoder would otherwise accept a signature with a foreign character slipped in.
 * (The full list of bad tokens runs against the app in the *TokenRejectionIntegrationTests.)
 */
class TokenVerifierTests {

	private static final Identity USER = new Identity("user0001", List.of(Identity.USER));

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private TokenService tokens(JwtAlgorithm algorithm) {
		return new TokenService(TestKeys.settings(algorithm, 0, Duration.ofMinutes(15)), KeyRing.of("k1", List.of(algorithm.generate("k1"))),
				this.signatureChecks::incrementAndGet, null);
	}

	@ParameterizedTest
	@EnumSource(JwtAlgorithm.class)
	void aTokenSignedWithTheRingsKeyVerifiesAndATamperedSignatureDoesNot(JwtAlgorithm algorithm) {
		TokenService tokens = tokens(algorithm);
		String token = tokens.issue(USER, TokenService.Use.ACCESS, Instant.now(), "family-1", null).token();

		TokenService.Verified verified = tokens.verify(token, TokenService.Use.ACCESS).orElseThrow();
		assertThat(verified.identity()).isEqualTo(USER);
		assertThat(verified.family()).isEqualTo("family-1");
		assertThat(tokens.verify(token, TokenService.Use.REFRESH)).as("an access token is not a refresh token").isEmpty();

		int dot = token.lastIndexOf('.');
		char last = token.charAt(token.length() - 2);
		String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
		assertThat(tokens.verify(flipped, TokenService.Use.ACCESS)).as("a changed signature").isEmpty();
		String slipped = token.substring(0, dot + 5) + "*" + token.substring(dot + 5);
		assertThat(tokens.verify(slipped, TokenService.Use.ACCESS)).as("a foreign character in the signature").isEmpty();
		assertThat(this.signatureChecks).as("the malformed token is refused before its signature is checked").hasValue(3);
	}

	@ParameterizedTest
	@EnumSource(JwtAlgorithm.class)
	void acceptedHeadersAreKeptBoundedAndAKeptHeaderStillNeedsItsSignature(JwtAlgorithm algorithm) {
		KeyRing ring = KeyRing.of("k1", List.of(algorithm.generate("k1")));
		KeyRing.Entry key = ring.active();
		TokenVerifier verifier = new TokenVerifier(ring,
				TestKeys.settings(algorithm, 0, Duration.ofMinutes(15)), this.signatureChecks::incrementAndGet);
		TokenKey keys = new TokenKey(algorithm.id(), "k1", key.signingKey(), key.verificationKey());

		for (int i = 0; i < TokenVerifier.MAX_KEPT_HEADERS + 36; i++) {
			Map<String, Object> header = TokenForge.header(keys);
			header.put("typ", "JWT-" + i);
			assertThat(verifier.verify(TokenForge.sign(keys, header, TokenForge.claims()), TokenService.Use.ACCESS))
				.as("header spelling %d", i)
				.isPresent();
		}
		assertThat(verifier.keptHeaders()).isEqualTo(TokenVerifier.MAX_KEPT_HEADERS);

		String token = TokenForge.sign(keys, TokenForge.header(keys), TokenForge.claims());
		assertThat(verifier.verify(token, TokenService.Use.ACCESS)).isPresent();
		String otherClaims = TokenForge.sign(keys, TokenForge.header(keys), TokenForge.claims());
		String spliced = token.substring(0, token.indexOf('.')) + otherClaims.substring(otherClaims.indexOf('.'),
				otherClaims.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));
		assertThat(verifier.verify(spliced, TokenService.Use.ACCESS)).as("a kept header, claims not signed with it")
			.isEmpty();
		for (String payload : new String[] { "null", "[1]", "\"claims\"", "{\"sub\":" }) {
			assertThat(verifier.verify(TokenForge.signPayload(keys, payload), TokenService.Use.ACCESS))
				.as("signed payload %s", payload)
				.isEmpty();
		}
		Map<String, Object> unknownKid = TokenForge.header(keys);
		unknownKid.put("kid", "k2");
		assertThat(verifier.verify(TokenForge.sign(keys, unknownKid, TokenForge.claims()), TokenService.Use.ACCESS))
			.isEmpty();
	}

	@ParameterizedTest
	@EnumSource(JwtAlgorithm.class)
	void tokensOfTwoKeysInTurnEachVerifyOnlyWithTheKeyTheirHeaderNames(JwtAlgorithm algorithm) {
		KeyRing ring = KeyRing.of("k1", List.of(algorithm.generate("k1"), algorithm.generate("k2")));
		TokenVerifier verifier = new TokenVerifier(ring,
				TestKeys.settings(algorithm, 0, Duration.ofMinutes(15)), this.signatureChecks::incrementAndGet);
		TokenKey first = key(ring, "k1");
		TokenKey second = key(ring, "k2");
		String byFirst = TokenForge.sign(first, TokenForge.header(first), TokenForge.claims());
		String bySecond = TokenForge.sign(second, TokenForge.header(second), TokenForge.claims());
		String firstHeaderSecondSignature = byFirst.substring(0, byFirst.indexOf('.'))
				+ bySecond.substring(bySecond.indexOf('.'));

		for (int i = 0; i < 3; i++) {
			assertThat(verifier.verify(byFirst, TokenService.Use.ACCESS)).as("k1's token, turn %d", i).isPresent();
			assertThat(verifier.verify(firstHeaderSecondSignature, TokenService.Use.ACCESS))
				.as("k1's header with k2's signature, right after k1's header was accepted, turn %d", i)
				.isEmpty();
			assertThat(verifier.verify(bySecond, TokenService.Use.ACCESS)).as("k2's token, turn %d", i).isPresent();
		}
	}

	private static TokenKey key(KeyRing ring, String kid) {
		KeyRing.Entry entry = ring.entries().stream().filter(each -> each.kid().equals(kid)).findFirst().orElseThrow();
		return new TokenKey(entry.algorithm().id(), kid, entry.signingKey(), entry.verificationKey());
	}

	@Test
	void onlyThreeUnpaddedBase64UrlPartsAreACompactToken() {
		assertThat(TokenVerifier.isCompactJws("eyJh.eyJz.c2ln")).isTrue();
		assertThat(TokenVerifier.isCompactJws("ab-_.AZ09.xy")).isTrue();
		assertThat(TokenVerifier.isCompactJws("eyJh=.eyJz.c2ln")).isFalse();
		assertThat(TokenVerifier.isCompactJws("eyJh.eyJz.c2*ln")).isFalse();
		assertThat(TokenVerifier.isCompactJws("eyJh.eyJz.c2+/")).isFalse();
		assertThat(TokenVerifier.isCompactJws("eyJh.eyJz")).isFalse();
		assertThat(TokenVerifier.isCompactJws("eyJh.eyJz.c2ln.c2ln")).isFalse();
		assertThat(TokenVerifier.isCompactJws("")).isFalse();
	}
}
