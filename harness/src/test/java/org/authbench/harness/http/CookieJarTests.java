package org.authbench.harness.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CookieJarTests {

	@Test
	void presentsTheCookiesAndTheCsrfTokenOfItsXsrfCookie() {
		CookieJar jar = new CookieJar();

		jar.keep("SESSION=abc; Path=/; HttpOnly; SameSite=Lax");
		jar.keep("XSRF-TOKEN=t0k; Path=/");

		assertThat(jar.requestHeaders()).containsExactly(
				entry("Cookie", "SESSION=abc; XSRF-TOKEN=t0k"),
				entry("X-XSRF-TOKEN", "t0k"));
	}

	@Test
	void aNewValueReplacesTheOldAndAnExpiredOrEmptyCookieIsDropped() {
		CookieJar jar = new CookieJar();
		jar.keep("SESSION=abc; Path=/");
		jar.keep("XSRF-TOKEN=t0k; Path=/");

		jar.keep("SESSION=def; Path=/");
		jar.keep("XSRF-TOKEN=; Max-Age=0; Path=/");

		assertThat(jar.requestHeaders()).containsOnlyKeys("Cookie").containsValue("SESSION=def");
		jar.keep("SESSION=def; Max-Age=0");
		assertThat(jar.isEmpty()).isTrue();
		assertThat(jar.requestHeaders()).isEmpty();
	}

	@Test
	void ignoresAHeaderThatIsNotACookie() {
		CookieJar jar = new CookieJar();

		jar.keep("garbage");
		jar.keep("=value");

		assertThat(jar.isEmpty()).isTrue();
	}
}
