package org.authbench.jwt;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which {@code Authorization} header values carry a bearer token, and which token. */
class JwtAuthenticationFilterTests {

	@Test
	void aBearerHeaderCarriesTheTokenAfterTheScheme() {
		assertThat(JwtAuthenticationFilter.bearerToken("Bearer abc.def.ghi")).contains("abc.def.ghi");
	}

	@Test
	void theSchemeIsCaseInsensitive() {
		assertThat(JwtAuthenticationFilter.bearerToken("bearer x")).contains("x");
		assertThat(JwtAuthenticationFilter.bearerToken("BEARER x")).contains("x");
	}

	@Test
	void whitespaceAroundTheTokenIsNotPartOfIt() {
		assertThat(JwtAuthenticationFilter.bearerToken("Bearer   x \t ")).contains("x");
	}

	@Test
	void anotherSchemeCarriesNoBearerToken() {
		assertThat(JwtAuthenticationFilter.bearerToken("Basic dXNlcjAwMDE6Y2hhbmdlaXQ=")).isEmpty();
		assertThat(JwtAuthenticationFilter.bearerToken("Bearerx")).as("no space after the scheme").isEmpty();
		assertThat(JwtAuthenticationFilter.bearerToken("")).isEmpty();
	}

	@Test
	void noHeaderCarriesNoToken() {
		assertThat(JwtAuthenticationFilter.bearerToken((String) null)).isEmpty();
	}

	@Test
	void aRequestsTokenIsThatOfItsAuthorizationHeader() {
		MockHttpServletRequest withToken = new MockHttpServletRequest();
		withToken.addHeader("Authorization", "bearer x");
		MockHttpServletRequest without = new MockHttpServletRequest();

		assertThat(JwtAuthenticationFilter.bearerToken(withToken)).contains("x");
		assertThat(JwtAuthenticationFilter.bearerToken(without)).isEmpty();
	}
}
