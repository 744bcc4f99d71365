package org.authbench.security;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValueRuleTests {

	/** {@link StrictHttpFirewall}'s own header value pattern (Spring Security 7.0). */
	private static final Pattern SPRING_RULE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	private final HeaderValueRule rule = new HeaderValueRule();

	private void assertSameAsSpring(String value) {
		assertThat(this.rule.test(value)).as("%s", value.codePoints().mapToObj(Integer::toHexString).toList())
			.isEqualTo(SPRING_RULE.matcher(value).matches());
	}

	@Test
	void decidesEveryCodePointAsSpringSecuritysPatternDoes() {
		int refused = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String value = "Bearer a" + Character.toString(codePoint) + "b";
			assertSameAsSpring(value);
			refused += this.rule.test(value) ? 0 : 1;
		}
		assertThat(refused).as("control and unassigned code points are refused").isGreaterThan(60_000);
	}

	@Test
	void decidesLoneAndPairedSurrogatesAsTheSpringPatternDoes() {
		for (String value : new String[] { "\uD83D\uDE00", "\uD83D", "\uDE00", "a\uD83Db", "\uDE00\uD83D", "\uD83D\uD83D\uDE00",
				"", "\t", "\u0085", "\u007f", "x\u0000" }) {
			assertSameAsSpring(value);
		}
	}

	@Test
	void acceptsTokensAndCookiesAndRefusesControlCharacters() {
		assertThat(this.rule.test("Bearer eyJraWQiOiJoczI1NiJ9.eyJzdWIiOiJ1c2VyMDAwMSJ9.c2ln-_")).isTrue();
		assertThat(this.rule.test("JSESSIONID=1A2B; XSRF-TOKEN=3c4d")).isTrue();
		assertThat(this.rule.test("tab\tis allowed")).isTrue();
		assertThat(this.rule.test("Bearer a\u0085b")).isFalse();
		assertThat(this.rule.test("Bearer a\rb")).isFalse();
	}
}
