package org.authbench.harness.revocation;

import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.authbench.harness.http.Http;
import org.authbench.harness.revocation.RevocationResult.InstanceCheck;
import org.authbench.harness.revocation.RevocationResult.Outcome;
import org.authbench.harness.revocation.RevocationResult.Probe;
import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.StackException;
import org.authbench.harness.stack.StackState;
import org.authbench.harness.stack.Variant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code revocation} scenario (docs/design.md §5, docs/security.md case 15): how long a logged-out
 * credential keeps working on each instance. One probe logs a user in through nginx, checks the
 * credential on every instance directly (bypassing nginx) with {@code GET /api/me}, logs out
 * through nginx, then polls every instance that had accepted it, every {@value #POLL_MILLIS} ms,
 * until it answers 401 or the bound passes.
 *
 * <p>Each probe uses its own seeded user from the top of the directory ({@code user1000},
 * {@code user0999}, … with the default 1000 users), away from the load's users, because logout in
 * jwt-app's token-version mode ends every token of that user. In the gateway modes the instances
 * trust only the gateway, so the credential is checked through nginx instead.
 *
 * <p>Meant to run on an idle stack (after a load run, not during one): polls are timed on this
 * machine's clock, with a resolution of one poll interval.
 */
public final class RevocationProbe {

	/** The interval between two polls of one instance. */
	public static final long POLL_MILLIS = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where the credential is checked: an instance directly, or nginx in the gateway modes. */
	private record Target(String member, String instance, String url) {
	}

	private final StackState state;

	private final List<Target> targets;

	private final Duration bound;

	private RevocationProbe(StackState state, Duration bound) {
		this.state = state;
		this.bound = bound;
		this.targets = state.lbMode().isGateway() ? List.of(new Target("nginx", null, state.url()))
				: state.apps().stream().map(app -> new Target(app.name(), app.env().get("AUTHBENCH_INSTANCE_ID"),
						"http://127.0.0.1:" + app.port())).toList();
	}

	/**
	 * Runs {@code probes} probes one after the other, printing one line per probe to {@code out}.
	 * For a variant without credential (the baseline) nothing is sent and the result says
	 * "n/a". Use {@link RevocationResult#write} to keep the result.
	 * @param state a running stack
	 * @param probes how many logins to log out and replay, 1 … the number of seeded users
	 * @param bound how long to poll each instance after logout at most; a credential still
	 * accepted then is reported as such
	 * @param out progress
	 * @throws StackException if nginx or an instance cannot be reached, or answers outside the
	 * contract (a failed login, a logout that is not 204, a status other than 200/401 on
	 * {@code GET /api/me})
	 */
	public static RevocationResult run(StackState state, int probes, Duration bound, PrintWriter out) {
		if (probes < 1) {
			throw new IllegalArgumentException("probes must be at least 1, was " + probes);
		}
		if (bound.isNegative() || bound.isZero()) {
			throw new IllegalArgumentException("the bound must be positive, was " + bound);
		}
		Variant variant = state.variantType();
		if (variant.credential() == Variant.Credential.NONE) {
			out.printf("revocation %s: n/a (no credential)%n", variant);
			out.flush();
			return RevocationResult.notApplicable(variant.id(), state.lb(), bound.toMillis(), POLL_MILLIS);
		}
		RevocationProbe probe = new RevocationProbe(state, bound);
		if (probe.targets.isEmpty()) {
			throw new StackException("the stack in " + state.runDir() + " has no app instance");
		}
		int users = Integer.parseInt(appEnv(state, "AUTHBENCH_USERS", "1000"));
		if (probes > users) {
			throw new IllegalArgumentException(probes + " probes need as many seeded users, the stack has " + users);
		}
		String password = appEnv(state, "AUTHBENCH_USER_PASSWORD", "changeit");
		List<Probe> details = new ArrayList<>();
		for (int n = 1; n <= probes; n++) {
			Probe result = probe.probe(n, "user%04d".formatted(users + 1 - n), password);
			details.add(result);
			out.printf("revocation %s probe %d/%d: %s%n", variant, n, probes, describe(result));
			out.flush();
		}
		String mode = variant.revocationModeName(state.apps().isEmpty() ? null : state.apps().get(0).env()).orElse(null);
		RevocationResult result = RevocationResult.of(variant.id(), state.lb(), mode, bound.toMillis(), POLL_MILLIS,
				details);
		out.printf("revocation %s%s: %s; accepted before logout: %s%n", variant, mode == null ? "" : " (" + mode + ")",
				result.verdict(), result.acceptedSummary());
		out.flush();
		return result;
	}

	private Probe probe(int n, String username, String password) {
		HttpResponse<String> login = Http.send(ProbeRequest.to(this.state.url(), "/api/auth/login", Map.of())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
					"password", password))))
			.build(), "nginx");
		if (login.statusCode() != 200) {
			throw new StackException("login of " + username + " through nginx at " + this.state.url() + " answered "
					+ login.statusCode() + " " + login.body());
		}
		Credential credential = Credential.of(this.state.variantType().credential(), login.headers(), login.body());
		String issuedBy = login.headers().firstValue("X-Instance-Id").orElse(null);

		List<Target> acceptedBefore = new ArrayList<>();
		for (Target target : this.targets) {
			if (accepted(target, Http.send(me(target, credential), target.member()).statusCode())) {
				acceptedBefore.add(target);
			}
		}

		HttpResponse<String> logout = Http.send(ProbeRequest.to(this.state.url(), "/api/auth/logout", credential.headers())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), "nginx");
		long loggedOut = System.nanoTime();
		Long remaining = credential.expiresAt() == null ? null
				: credential.expiresAt() - Instant.now().getEpochSecond();
		if (logout.statusCode() != 204) {
			throw new StackException("logout of " + username + " through nginx answered " + logout.statusCode() + " "
					+ logout.body());
		}

		Map<Target, InstanceCheck> after = poll(acceptedBefore, credential, loggedOut);
		List<InstanceCheck> checks = this.targets.stream()
			.map(target -> after.getOrDefault(target,
					new InstanceCheck(target.member(), target.instance(), false, Outcome.NEVER_ACCEPTED, null, null, 0)))
			.toList();
		return new Probe(n, username, issuedBy, remaining, checks);
	}

	/**
	 * Polls the targets together, every {@value #POLL_MILLIS} ms, until each has rejected the
	 * credential or the bound passed; times count from the logout's answer to each request's sending.
	 */
	private Map<Target, InstanceCheck> poll(List<Target> targets, Credential credential, long loggedOut) {
		Map<Target, Double> lastAccepted = new LinkedHashMap<>();
		Map<Target, Integer> polls = new LinkedHashMap<>();
		Map<Target, InstanceCheck> done = new LinkedHashMap<>();
		List<Target> pending = new ArrayList<>(targets);
		long deadline = loggedOut + this.bound.toNanos();
		while (!pending.isEmpty() && System.nanoTime() < deadline) {
			long round = System.nanoTime();
			Map<Target, HttpRequest> requests = new LinkedHashMap<>();
			Map<Target, Long> sentAt = new LinkedHashMap<>();
			Map<Target, CompletableFuture<HttpResponse<Void>>> answers = new LinkedHashMap<>();
			for (Target target : pending) {
				requests.put(target, me(target, credential));
				sentAt.put(target, System.nanoTime());
				answers.put(target, Http.sendAsync(requests.get(target)));
			}
			for (Target target : List.copyOf(pending)) {
				int status = Http.status(answers.get(target), requests.get(target), target.member());
				double at = millis(sentAt.get(target) - loggedOut);
				polls.merge(target, 1, Integer::sum);
				if (accepted(target, status)) {
					lastAccepted.put(target, at);
				}
				else {
					pending.remove(target);
					done.put(target, new InstanceCheck(target.member(), target.instance(), true, Outcome.REJECTED, at,
							lastAccepted.get(target), polls.get(target)));
				}
			}
			sleepUntil(round + POLL_MILLIS * 1_000_000);
		}
		for (Target target : pending) {
			done.put(target, new InstanceCheck(target.member(), target.instance(), true, Outcome.STILL_ACCEPTED, null,
					lastAccepted.get(target), polls.getOrDefault(target, 0)));
		}
		return done;
	}

	/** 200 accepted, 401 rejected; anything else is outside the contract of {@code GET /api/me}. */
	private static boolean accepted(Target target, int status) {
		if (status == 200 || status == 401) {
			return status == 200;
		}
		throw new StackException(target.member() + " answered " + status + " to GET /api/me at " + target.url()
				+ ": expected 200 or 401");
	}

	private static HttpRequest me(Target target, Credential credential) {
		return ProbeRequest.to(target.url(), "/api/me", credential.headers()).GET().build();
	}

	private static void sleepUntil(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StackException("interrupted while polling", ex);
			}
		}
	}

	private static double millis(long nanos) {
		return Math.round(nanos / 100_000.0) / 10.0;
	}

	/** A setting of the instances, as the stack handed it to the first one. */
	private static String appEnv(StackState state, String name, String fallback) {
		return state.apps().stream().findFirst().map(Member::env).map(env -> env.get(name)).orElse(fallback);
	}

	private static String describe(Probe probe) {
		String exp = probe.remainingLifetimeSeconds() == null ? ""
				: " (exp in " + probe.remainingLifetimeSeconds() + " s at logout)";
		return probe.username() + " logged in on " + probe.issuedBy() + exp + "; after logout: "
				+ probe.instances().stream().map(RevocationProbe::describe).collect(Collectors.joining(", "));
	}

	private static String describe(InstanceCheck check) {
		return check.member() + " " + switch (check.outcome()) {
			case REJECTED -> "rejected at " + check.delayMillis() + " ms";
			case STILL_ACCEPTED -> "still accepted at the bound";
			case NEVER_ACCEPTED -> "never accepted it";
		};
	}
}
