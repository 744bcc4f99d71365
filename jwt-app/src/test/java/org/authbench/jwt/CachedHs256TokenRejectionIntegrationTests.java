package org.authbench.jwt;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cases with the verified-token cache on: every bad token is still refused, whatever
 * valid tokens the cache holds (the cases share one app, so valid tokens of earlier cases are
 * in it), and a changed copy of a cached token is verified, not looked up.
 */
@TestPropertySource(properties = { "authbench.jwt.secret=" + TestKeys.SECRET, "authbench.jwt.verified-cache=1000" })
class CachedHs256TokenRejectionIntegrationTests extends TokenRejectionCases {

	@Test
	void aChangedCopyOfACachedTokenIsRefused() {
		String token = tokens().valid();
		assertThat(meWith(token).status()).isEqualTo(200);
		String[] parts = token.split("\\.");
		String otherPayload = parts[1].substring(0, parts[1].length() - 1)
				+ (parts[1].endsWith("A") ? "B" : "A");

		assertRejected(meWith(parts[0] + "." + otherPayload + "." + parts[2]));
		assertThat(meWith(token).status()).isEqualTo(200);
	}
}
