package org.authbench.harness.revocation;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialTests {

	private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

	/** An unsigned JWT: the probe never checks signatures. */
	static String jwt(String payloadJson) {
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		return base64url.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
	}

	@Test
	void readsExpFromTheUnpaddedBase64urlPayload() {
		// "sub" of this length makes the payload's base64url end without padding and with '-' or '_'.
		String token = jwt("{\"sub\":\"user0999?>>\",\"exp\":1767225600,\"ver\":3}");

		assertThat(Credential.expiry(token)).isEqualTo(1767225600L);
	}

	@Test
	void aTokenWithoutNumericExpOrNotAJwtIsRefusedWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Credential.expiry(jwt("{\"sub\":\"a\"}")))
			.withMessageContaining("no numeric exp");
		assertThatIllegalArgumentException().isThrownBy(() -> Credential.expiry(jwt("{\"exp\":\"soon\"}")))
			.withMessageContaining("no numeric exp");
		assertThatIllegalArgumentException().isThrownBy(() -> Credential.expiry("opaque-token"))
			.withMessageContaining("not a JWT");
		assertThatIllegalArgumentException().isThrownBy(() -> Credential.expiry("a.!!!.c"))
			.withMessageContaining("not a JWT");
	}

	@Test
	void aBearerLoginGivesTheAuthorizationHeaderAndTheExpiry() {
		String token = jwt("{\"sub\":\"user1000\",\"exp\":2000000000}");

		Credential credential = Credential.of(Variant.Credential.BEARER, NO_HEADERS,
				"{\"accessToken\":\"" + token + "\",\"refreshToken\":\"r\",\"tokenType\":\"Bearer\",\"expiresIn\":900}");

		assertThat(credential.headers()).containsExactly(Map.entry("Authorization", "Bearer " + token));
		assertThat(credential.expiresAt()).isEqualTo(2000000000L);
	}

	@Test
	void aCookieLoginReplaysEveryCookieAndTheCsrfHeaderAndHasNoExpiry() {
		HttpHeaders headers = HttpHeaders.of(Map.of("Set-Cookie",
				List.of("JSESSIONID=abc.app1; Path=/; HttpOnly; SameSite=Lax", "XSRF-TOKEN=t0k; Path=/")),
				(name, value) -> true);

		Credential credential = Credential.of(Variant.Credential.COOKIE, headers, "");

		assertThat(credential.headers()).containsEntry("Cookie", "JSESSIONID=abc.app1; XSRF-TOKEN=t0k")
			.containsEntry("X-XSRF-TOKEN", "t0k");
		assertThat(credential.expiresAt()).isNull();
	}

	@Test
	void aLoginWithoutTheExpectedCredentialSaysWhichVariantItExpected() {
		assertThatThrownBy(() -> Credential.of(Variant.Credential.COOKIE, NO_HEADERS, "{}"))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("no cookie");
		assertThatThrownBy(() -> Credential.of(Variant.Credential.BEARER, NO_HEADERS, "not json"))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("no accessToken");
	}
}
