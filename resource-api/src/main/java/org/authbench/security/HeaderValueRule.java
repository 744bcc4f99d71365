package org.authbench.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall rule for header values, without its regular expression. The
 * default {@link StrictHttpFirewall} checks every header value the app reads against
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}, one Unicode property lookup per character:
 * for a 392-byte bearer token that was 7% of the jwt app's CPU under load (docs/results.md), a
 * cost of the framework's default, not of the design. This is the same rule (every code point
 * assigned, and no control character but tab), with printable ASCII decided at once; the tests
 * hold it equal to the regular expression on every code point.
 */
public final class HeaderValueRule implements Predicate<String> {

	@Override
	public boolean test(String value) {
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7f || c == '\t') {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || type == Character.CONTROL && codePoint != '\t') {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/** The default strict firewall, with this rule for header values. */
	public static HttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(new HeaderValueRule());
		return firewall;
	}
}
