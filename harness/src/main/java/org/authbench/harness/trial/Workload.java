package org.authbench.harness.trial;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.authbench.harness.http.Session;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.Variant;

/**
 * The requests of a trial's windows for one target: its users log in once (again when their
 * credentials are older than {@link #MAX_AGE}, well inside a token's 15 minutes), then the cycle
 * holds each user's credential and the request mix, the same for every target (docs/design.md §5: a read
 * of who am I, a read of the items, a write; a session client sends its CSRF token on writes).
 */
final class Workload {

	/** Credentials are renewed before a window when they are older than this. */
	static final Duration MAX_AGE = Duration.ofMinutes(8);

	private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

	private static final String WRITE_BODY = "{\"name\":\"trial item\",\"price\":12.50,\"tags\":[\"trial\"]}";

	private final TrialTarget target;

	private final Map<String, Integer> mix;

	private final int users;

	private List<WrkLoad.Request> cycle;

	private long loggedInAt;

	Workload(TrialTarget target, Map<String, Integer> mix, int users) {
		this.target = target;
		this.mix = mix;
		this.users = users;
		for (String kind : mix.keySet()) {
			if (!target.paths().contains(kind)) {
				throw new IllegalArgumentException(target.name() + " serves only " + target.paths() + "; the mix asks for "
						+ kind + " (use --mix items=100 with an external target)");
			}
		}
	}

	/** The cycle of requests, logging the users in first when their credentials are missing or old. */
	List<WrkLoad.Request> cycle() {
		if (this.cycle == null || System.currentTimeMillis() - this.loggedInAt > MAX_AGE.toMillis()) {
			List<Map<String, String>> credentials = new ArrayList<>();
			for (int u = 1; u <= (this.target.credential() == Variant.Credential.NONE ? 1 : this.users); u++) {
				credentials.add(login("user%04d".formatted(u)));
			}
			this.cycle = cycle(credentials, this.mix);
			this.loggedInAt = System.currentTimeMillis();
		}
		return this.cycle;
	}

	/** Users × mix slots, interleaved: request i is user i mod U doing slot i mod 10. */
	static List<WrkLoad.Request> cycle(List<Map<String, String>> credentials, Map<String, Integer> mix) {
		List<String> slots = slots(mix);
		int length = lcm(credentials.size(), slots.size());
		List<WrkLoad.Request> cycle = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			Map<String, String> credential = credentials.get(i % credentials.size());
			cycle.add(request(slots.get(i % slots.size()), credential));
		}
		return cycle;
	}

	/** Ten slots in the mix's proportions (weights in percent, multiples of 10), spread out. */
	static List<String> slots(Map<String, Integer> mix) {
		int total = mix.values().stream().mapToInt(Integer::intValue).sum();
		if (total != 100 || mix.values().stream().anyMatch(w -> w < 0 || w % 10 != 0)) {
			throw new IllegalArgumentException("the trial's mix needs weights in tens that add up to 100, was " + mix);
		}
		List<String> slots = new ArrayList<>();
		Map<String, Integer> left = new LinkedHashMap<>();
		mix.forEach((kind, weight) -> left.put(kind, weight / 10));
		while (slots.size() < 10) {
			for (Map.Entry<String, Integer> entry : left.entrySet()) {
				if (entry.getValue() > 0) {
					slots.add(entry.getKey());
					entry.setValue(entry.getValue() - 1);
				}
			}
		}
		return slots;
	}

	private static WrkLoad.Request request(String kind, Map<String, String> credential) {
		Map<String, String> headers = new LinkedHashMap<>();
		credential.forEach((name, value) -> {
			if (!name.equals(CSRF_HEADER) || kind.equals("write")) {
				headers.put(name, value);
			}
		});
		return switch (kind) {
			case "me" -> new WrkLoad.Request("GET", "/api/me", headers, null);
			case "items" -> new WrkLoad.Request("GET", "/api/items", headers, null);
			case "write" -> {
				headers.put("Content-Type", "application/json");
				yield new WrkLoad.Request("POST", "/api/items", headers, WRITE_BODY);
			}
			default -> throw new IllegalArgumentException("unknown request kind " + kind);
		};
	}

	private static final String CSRF_HEADER = "X-XSRF-TOKEN";

	/** The headers that carry one user's credential (and, for cookies, the CSRF token for writes). */
	private Map<String, String> login(String username) {
		if (this.target.credential() == Variant.Credential.NONE) {
			return Map.of();
		}
		Session session = new Session(this.target.baseUrl(), this.target.credential(), LOGIN_TIMEOUT);
		try {
			Session.Answer answer = session.login(username, "changeit");
			if (answer.status() != 200) {
				throw new StackException(this.target.name() + ": login of " + username + " answered " + answer.status()
						+ " " + answer.body());
			}
			return session.credentialHeaders();
		}
		catch (IOException ex) {
			throw new StackException(this.target.name() + ": login of " + username + " failed: " + ex.getMessage());
		}
	}

	private static int lcm(int a, int b) {
		int x = a;
		int y = b;
		while (y != 0) {
			int t = y;
			y = x % y;
			x = t;
		}
		return a / x * b;
	}
}
