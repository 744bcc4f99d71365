package org.authbench.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall rules for header names and values, without their regular
 * expressions. The default {@link StrictHttpFirewall} checks the name and the value of every
 * header the app reads against {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: tab allowed
 * too), one Unicode property lookup per character: for a 392-byte bearer token the value's check
 * was 7% of the jwt app's CPU under load, the name's 0.8 profiled µs per request (docs/results.md), a
 * cost of the framework's default, not of the design. These are the same rules (every code point
 * assigned, and no control character, but tab in a value), with printable ASCII decided at once;
 * the tests hold them equal to the regular expressions on every code point.
 */
public final class HeaderRule implements Predicate<String> {

	/** Header (and parameter) names: assigned code points, no control character. */
	public static final HeaderRule NAMES = new HeaderRule(false);

	/** Header values: as names, and a tab is allowed. */
	public static final HeaderRule VALUES = new HeaderRule(true);

	private final boolean tabAllowed;

	private HeaderRule(boolean tabAllowed) {
		this.tabAllowed = tabAllowed;
	}

	@Override
	public boolean test(String text) {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f || c == '\t' && this.tabAllowed) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || type == Character.CONTROL && !(codePoint == '\t' && this.tabAllowed)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/** The default strict firewall, with these rules for header names, parameter names and header values. */
	public static HttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAMES);
		firewall.setAllowedParameterNames(NAMES);
		firewall.setAllowedHeaderValues(VALUES);
		return firewall;
	}
}
