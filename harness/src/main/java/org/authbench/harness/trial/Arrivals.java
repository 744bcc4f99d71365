package org.authbench.harness.trial;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the requests of a paced window arrive (docs/method.md §5). wrk paces per connection: after
 * each answer a connection waits before its next request. The mean wait is the same in both
 * patterns ({@code connections / rate}), so is the rate; what differs is how the requests bunch.
 */
public enum Arrivals {

	/**
	 * Every connection waits the same time: the connections, started together, stay nearly in
	 * step, and requests arrive in bursts of up to one per connection, which share the servers'
	 * wake-ups. The only pattern before 2026-12-06, and what a trial without this setting recorded.
	 */
	FIXED,

	/**
	 * Each wait drawn from an exponential distribution: every connection is a Poisson source, so the
	 * requests of all of them arrive nearly as independent clients' do, one at a time at random
	 * moments, which is how an open model of many users sends them. The default since 2026-12-06:
	 * the bursts of {@link #FIXED} widened the designs' CPU ratios to the baseline (clustered 3.18×
	 * against 2.63× with these arrivals, jwt 1.72× against 1.50×, sticky 1.15× against 1.02×;
	 * docs/results.md, "Midday of 2026-12-06").
	 */
	POISSON;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Arrivals parse(String id) {
		return Arrays.stream(values())
			.filter(a -> a.id().equals(id.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no arrival pattern '" + id + "'; patterns: "
					+ Arrays.stream(values()).map(Arrivals::id).collect(Collectors.joining(", "))));
	}
}
