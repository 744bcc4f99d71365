package org.authbench.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.authbench.identity.Identity;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token cache ({@code authbench.jwt.verified-cache}): a token seen again skips the
 * signature check, and nothing a verification would refuse gets through the cache: an expired
 * token, a token of a retired key, a token that differs from a cached one, a refresh token.
 */
class VerifiedTokenCacheTests {

	private static final Identity USER = new Identity("user0001", List.of(Identity.USER));

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private static KeyRing ring(String kid) {
		return KeyRing.of(kid, List.of(JwtAlgorithm.HS256.generate(kid)));
	}

	private TokenService tokens(int cache, Duration accessTtl, KeyRing ring) {
		return new TokenService(TestKeys.settings(JwtAlgorithm.HS256, cache, accessTtl), ring, this.signatureChecks::incrementAndGet, null);
	}

	private static String access(TokenService tokens) {
		return tokens.issue(USER, TokenService.Use.ACCESS, Instant.now(), "family-1", null).token();
	}

	@Test
	void withoutTheCacheEveryVerificationChecksTheSignature() {
		TokenService tokens = tokens(0, Duration.ofMinutes(15), ring("k1"));
		String token = access(tokens);

		for (int i = 0; i < 3; i++) {
			assertThat(tokens.verify(token, TokenService.Use.ACCESS)).isPresent();
		}
		assertThat(this.signatureChecks).hasValue(3);
	}

	@Test
	void aTokenSeenAgainIsNotCheckedAgain() {
		TokenService tokens = tokens(100, Duration.ofMinutes(15), ring("k1"));
		String token = access(tokens);

		TokenService.Verified first = tokens.verify(token, TokenService.Use.ACCESS).orElseThrow();
		for (int i = 0; i < 3; i++) {
			assertThat(tokens.verify(token, TokenService.Use.ACCESS)).contains(first);
		}
		assertThat(this.signatureChecks).hasValue(1);
		assertThat(first.identity()).isEqualTo(USER);
	}

	@Test
	void aCachedTokenStopsWorkingWhenItExpires() {
		TokenService tokens = tokens(100, Duration.ofSeconds(1), ring("k1"));
		String token = access(tokens);
		assertThat(tokens.verify(token, TokenService.Use.ACCESS)).isPresent();

		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> tokens.verify(token, TokenService.Use.ACCESS).isEmpty());
	}

	@Test
	void retiringTheKeyEndsItsCachedTokens() {
		KeyRing old = ring("k1");
		TokenService tokens = tokens(100, Duration.ofMinutes(15), old);
		String token = access(tokens);
		assertThat(tokens.verify(token, TokenService.Use.ACCESS)).isPresent();

		tokens.use(ring("k2"));

		assertThat(tokens.verify(token, TokenService.Use.ACCESS)).isEmpty();
	}

	@Test
	void aTamperedCopyOfACachedTokenIsVerifiedAndRefused() {
		TokenService tokens = tokens(100, Duration.ofMinutes(15), ring("k1"));
		String token = access(tokens);
		assertThat(tokens.verify(token, TokenService.Use.ACCESS)).isPresent();
		char last = token.charAt(token.length() - 2);
		String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

		assertThat(tokens.verify(tampered, TokenService.Use.ACCESS)).isEmpty();
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void aCachedAccessTokenIsNoRefreshToken() {
		TokenService tokens = tokens(100, Duration.ofMinutes(15), ring("k1"));
		String token = access(tokens);
		assertThat(tokens.verify(token, TokenService.Use.ACCESS)).isPresent();

		assertThat(tokens.verify(token, TokenService.Use.REFRESH)).isEmpty();
	}
}
