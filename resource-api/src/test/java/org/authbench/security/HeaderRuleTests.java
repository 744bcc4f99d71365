package org.authbench.security;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderRuleTests {

	/** {@link StrictHttpFirewall}'s own header value pattern (Spring Security 7.0). */
	private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	/** {@link StrictHttpFirewall}'s own header and parameter name pattern (Spring Security 7.0). */
	private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static void assertSameAsSpring(String text) {
		String codePoints = text.codePoints().mapToObj(Integer::toHexString).toList().toString();
		assertThat(HeaderRule.VALUES.test(text)).as("value %s", codePoints)
			.isEqualTo(SPRING_VALUES.matcher(text).matches());
		assertThat(HeaderRule.NAMES.test(text)).as("name %s", codePoints)
			.isEqualTo(SPRING_NAMES.matcher(text).matches());
	}

	@Test
	void decidesEveryCodePointAsSpringSecuritysPatternsDo() {
		int refusedValues = 0;
		int refusedNames = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "Bearer a" + Character.toString(codePoint) + "b";
			assertSameAsSpring(text);
			refusedValues += HeaderRule.VALUES.test(text) ? 0 : 1;
			refusedNames += HeaderRule.NAMES.test(text) ? 0 : 1;
		}
		assertThat(refusedValues).as("control and unassigned code points are refused").isGreaterThan(60_000);
		assertThat(refusedNames).as("and the tab too, in a name").isEqualTo(refusedValues + 1);
	}

	@Test
	void decidesLoneAndPairedSurrogatesAsTheSpringPatternsDo() {
		for (String text : new String[] { "\uD83D\uDE00", "\uD83D", "\uDE00", "a\uD83Db", "\uDE00\uD83D", "\uD83D\uD83D\uDE00",
				"", "\t", "\u0085", "\u007f", "x\u0000" }) {
			assertSameAsSpring(text);
		}
	}

	@Test
	void acceptsTokensAndCookiesAndRefusesControlCharacters() {
		assertThat(HeaderRule.VALUES.test("Bearer eyJraWQiOiJoczI1NiJ9.eyJzdWIiOiJ1c2VyMDAwMSJ9.c2ln-_")).isTrue();
		assertThat(HeaderRule.VALUES.test("JSESSIONID=1A2B; XSRF-TOKEN=3c4d")).isTrue();
		assertThat(HeaderRule.VALUES.test("tab\tis allowed")).isTrue();
		assertThat(HeaderRule.VALUES.test("Bearer a\u0085b")).isFalse();
		assertThat(HeaderRule.VALUES.test("Bearer a\rb")).isFalse();
		assertThat(HeaderRule.NAMES.test("Authorization")).isTrue();
		assertThat(HeaderRule.NAMES.test("X-Forwarded-For")).isTrue();
		assertThat(HeaderRule.NAMES.test("Author\tization")).isFalse();
		assertThat(HeaderRule.NAMES.test("Author\nization")).isFalse();
	}
}
