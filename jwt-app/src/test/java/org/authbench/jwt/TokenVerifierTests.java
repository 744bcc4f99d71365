package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.authbench.identity.Identity;
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
