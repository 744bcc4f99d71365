package org.authbench.gatling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What one virtual user does, for every variant: log in once, then loop over the request mix
 * until the run ends. How the credential travels (cookie, bearer token, nothing) is chosen by
 * the {@code credential} property, not by a copy of the simulation. A 401 on a call with a
 * valid credential is an auth-lost event: the user logs in again, and the re-login is counted.
 *
 * <p>Two load models: <b>closed</b> (each active user sends its next request when the last one
 * answered; the ladder is the number of active users) and <b>open</b> (each user sends at a
 * fixed pace, the ladder is the total arrival rate; latency counts from the intended send time,
 * so a slow answer also delays, and is charged to, the requests queued behind it).
 */
final class Workload {

	enum Model {

		CLOSED, OPEN

	}

	private static final String STATUS = "status";

	private static final String INSTANCE = "instance";

	/**
	 * The wall-clock millisecond a request was sent, sent along as {@value #SENT_HEADER}: nginx logs
	 * it, and both sources count a window's requests by it ({@link CompletionLedger}).
	 */
	private static final String SENT = "sentAt";

	static final String SENT_HEADER = "X-Authbench-Sent";

	private static final AtomicInteger USER_INDEX = new AtomicInteger();

	private final LoadSettings settings;

	private final MetricsRecorder metrics;

	private final Model model;

	Workload(LoadSettings settings, MetricsRecorder metrics, Model model) {
		this.settings = settings;
		this.metrics = metrics;
		this.model = model;
	}

	// --- protocol --------------------------------------------------------------------------

	HttpProtocolBuilder protocol() {
		return http.baseUrl(this.settings.baseUrl())
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.disableFollowRedirect()
			.disableCaching()
			// No request to gatling.io at start: this machine has no internet, and it would skew nothing useful.
			.disableWarmUp();
	}

	// --- reusable chains ---------------------------------------------------------------------

	/** Logs in; on success the credential is in the session (cookie jar, or tokens). */
	private ChainBuilder login() {
		HttpRequestActionBuilder request = http("login").post("/api/auth/login")
			.body(StringBody(session -> "{\"username\":\"" + session.getString("username")
					+ "\",\"password\":\"" + this.settings.password() + "\"}"));
		if (bearer()) {
			request = tokens(request);
		}
		request = request.check(header("Set-Cookie").findAll().optional().saveAs("setCookies"));
		return exec(session -> sending(session, System.nanoTime()))
			.exec(withStatus(request))
			.exec(session -> {
				Outcome outcome = finish(session, RequestType.LOGIN, session.getLong("start"));
				boolean ok = outcome == Outcome.OK;
				// Pacing restarts after a login: its time is the login's, recorded as such.
				return refreshAt(xsrf(session)).set("needLogin", !ok).set("loginOk", ok).set("next", System.nanoTime());
			})
			.doIf(session -> !session.getBoolean("loginOk"))
			.then(exec(session -> session).pause(Duration.ofMillis(500)));
	}

	/** Bearer: keep the token pair and when the access token expires. */
	private static HttpRequestActionBuilder tokens(HttpRequestActionBuilder request) {
		return request.check(jsonPath("$.accessToken").optional().saveAs("accessToken"),
				jsonPath("$.refreshToken").optional().saveAs("refreshToken"),
				jsonPath("$.expiresIn").ofLong().optional().saveAs("expiresIn"));
	}

	/**
	 * Bearer: trades the refresh token for a new pair shortly before the access token expires,
	 * so a 401 on a call never comes from an expired token (it would not be a lost session).
	 */
	private ChainBuilder refreshIfExpiring() {
		HttpRequestActionBuilder request = tokens(http("refresh").post("/api/auth/refresh")
			.body(StringBody(session -> "{\"refreshToken\":\"" + session.getString("refreshToken") + "\"}")));
		return doIf(session -> System.nanoTime() > session.getLong("refreshAt"))
			.then(exec(session -> sending(session, System.nanoTime()))
				.exec(withStatus(request))
				.exec(session -> {
					Outcome outcome = finish(session, RequestType.REFRESH, session.getLong("start"));
					if (outcome == Outcome.AUTH_LOST) {
						this.metrics.relogin(System.nanoTime(), session.getLong(SENT));
						return session.set("needLogin", true);
					}
					return outcome == Outcome.OK ? refreshAt(session) : session;
				}));
	}

	/** Refresh at 80% of the access token's lifetime. */
	private static Session refreshAt(Session session) {
		long lifetime = session.contains("expiresIn") ? session.getLong("expiresIn") : Long.MAX_VALUE / 2_000_000_000L;
		return session.set("refreshAt", System.nanoTime() + lifetime * 800_000_000L);
	}

	/** One authenticated call of the given type, classified and recorded. */
	private ChainBuilder call(RequestType type) {
		HttpRequestActionBuilder request = switch (type) {
			case ME -> http("me").get("/api/me");
			case ITEMS -> http("items").get("/api/items");
			case WRITE -> http("write").post("/api/items")
				.header("X-XSRF-TOKEN", session -> session.getString("xsrf"))
				.body(StringBody(session -> "{\"name\":\"load-" + session.userId() + "\",\"price\":12.5}"));
			case LOGIN, REFRESH -> throw new IllegalArgumentException(type + " is not a mix entry");
		};
		if (bearer()) {
			request = request.header("Authorization", session -> "Bearer " + session.getString("accessToken"));
		}
		return exec(session -> sending(session, sendTime(session)))
			.exec(withStatus(request))
			.exec(session -> {
				Outcome outcome = finish(session, type, session.getLong("start"));
				if (outcome == Outcome.AUTH_LOST) {
					this.metrics.relogin(System.nanoTime(), session.getLong(SENT));
					return session.set("needLogin", true);
				}
				return session;
			});
	}

	/**
	 * Just before a request: forgets the last answer's status and instance, keeps the time its
	 * latency counts from ({@code startNanos}) and the wall-clock millisecond it is sent.
	 */
	private static Session sending(Session session, long startNanos) {
		return session.remove(STATUS).remove(INSTANCE).set("start", startNanos).set(SENT, System.currentTimeMillis());
	}

	/**
	 * Sends the request's send time along, saves the status and the answering instance first (also
	 * for 4xx/5xx), then lets Gatling count non-2xx as KO in its own report.
	 */
	private static HttpRequestActionBuilder withStatus(HttpRequestActionBuilder request) {
		return request.header(SENT_HEADER, session -> Long.toString(session.getLong(SENT)))
			.check(status().saveAs(STATUS), header("X-Instance-Id").optional().saveAs(INSTANCE),
					status().in(200, 201, 204));
	}

	private Outcome finish(Session session, RequestType type, long startNanos) {
		long end = System.nanoTime();
		Integer status = session.contains(STATUS) ? session.getInt(STATUS) : null;
		Outcome outcome = Outcome.of(status, type);
		this.metrics.record(type, outcome, startNanos, end, session.getLong(SENT));
		if (outcome == Outcome.OK && session.contains(INSTANCE)) {
			this.metrics.servedBy(session.userId(), session.getString(INSTANCE));
		}
		return outcome;
	}

	/** The request mix as weighted choices. */
	private ChainBuilder mix() {
		int total = this.settings.mix().values().stream().mapToInt(Integer::intValue).sum();
		List<Choice.WithWeight> choices = new ArrayList<>();
		for (Map.Entry<String, Integer> entry : this.settings.mix().entrySet()) {
			if (entry.getValue() > 0) {
				choices.add(percent(100.0 * entry.getValue() / total).then(call(RequestType.of(entry.getKey()))));
			}
		}
		return randomSwitch().on(choices);
	}

	// --- pacing ------------------------------------------------------------------------------

	/** Open model: the intended send time; closed model: now. */
	private long sendTime(Session session) {
		return this.model == Model.OPEN ? session.getLong("next") : System.nanoTime();
	}

	/** Open model: wait for this user's next slot; closed model: inactive users idle. */
	private ChainBuilder pace() {
		if (this.model == Model.OPEN) {
			return exec(session -> {
				long now = System.nanoTime();
				double rate = this.metrics.phases().level(now);
				long period = (long) (1e9 * this.settings.users() / rate);
				long next = nextSlot(session.getLong("next"), period, now, this.metrics.phases().warmedUp(now));
				return session.set("next", next).set("wait", Math.max(0, next - now));
			}).pause(session -> Duration.ofNanos(session.getLong("wait")));
		}
		return exec(session -> session);
	}

	/**
	 * A paced user's next intended send time. Measured, no missed slot is skipped: a late answer
	 * delays the slots behind it, and they are charged for it. In the warm-up a user that fell
	 * behind starts again from now: nothing of the warm-up is measured, and a backlog carried out of
	 * it would make the system serve more than it is offered until it is gone (a drill's windows:
	 * 549, 671, 645, 705, 792 at 600 offered), so the warm-up, which ends when a window serves what
	 * was offered, ran to its bound, and the first measured seconds drained the backlog.
	 */
	static long nextSlot(long previousNanos, long periodNanos, long nowNanos, boolean measuring) {
		long next = previousNanos + periodNanos;
		return measuring || next >= nowNanos ? next : nowNanos;
	}

	private boolean active(Session session) {
		return this.model == Model.OPEN || session.getInt("index") < this.metrics.phases().level(System.nanoTime());
	}

	// --- scenario ------------------------------------------------------------------------------

	ScenarioBuilder users(String name) {
		return scenario(name)
			.exec(session -> {
				int index = USER_INDEX.getAndIncrement();
				return session.set("index", index)
					.set("username", "user%04d".formatted(this.settings.userOffset() + index + 1))
					.set("needLogin", true)
					.set("xsrf", "")
					.set("next", System.nanoTime());
			})
			.exec(asLongAs(session -> !this.metrics.phases().finished(System.nanoTime())).on(
					doIfOrElse(session -> session.getBoolean("needLogin")).then(login())
						.orElse(doIfOrElse(this::active).then(pace().exec(bearer() ? refreshIfExpiring() : exec(s -> s)).exec(mix()))
							.orElse(exec(session -> session).pause(Duration.ofMillis(50))))));
	}

	private boolean bearer() {
		return "bearer".equals(this.settings.credential());
	}

	/** Cookie variants: keep the XSRF-TOKEN cookie's value to send back as X-XSRF-TOKEN. */
	private static Session xsrf(Session session) {
		if (!session.contains("setCookies")) {
			return session;
		}
		for (String cookie : session.<String>getList("setCookies")) {
			if (cookie.startsWith("XSRF-TOKEN=")) {
				return session.set("xsrf", cookie.substring("XSRF-TOKEN=".length()).split(";", 2)[0]);
			}
		}
		return session;
	}
}
