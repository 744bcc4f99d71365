package org.authbench.harness.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.authbench.harness.http.Session;
import org.authbench.harness.http.Session.Answer;
import org.authbench.harness.stack.LbMode;
import org.authbench.harness.stack.Variant;

/**
 * The contract of docs/design.md §3 checked through nginx against a running stack: login, who am I
 * with and without a credential, admin 403/200, logout revokes, {@code X-Instance-Id}, JSON
 * errors. Load runs call it first and refuse to send load when it fails.
 */
public final class Verify {

	static final String PASSWORD = "changeit";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

	/** One check: what was asked, whether it held, what was seen. */
	public record Check(String name, boolean ok, String detail) {
	}

	/** Every check of one run. */
	public record Result(String url, List<Check> checks) {

		public boolean passed() {
			return this.checks.stream().allMatch(Check::ok);
		}

		public long failures() {
			return this.checks.stream().filter(check -> !check.ok()).count();
		}

		/** The readable list {@code authbench verify} prints. */
		public void print(PrintWriter out) {
			for (Check check : this.checks) {
				out.printf("  %-4s  %s%s%n", check.ok() ? "ok" : "FAIL", check.name(),
						check.detail().isEmpty() ? "" : ": " + check.detail());
			}
			out.printf("%d checks, %d failed%n", this.checks.size(), failures());
			out.flush();
		}
	}

	/**
	 * What to expect of the stack.
	 * @param variant which backend runs behind nginx
	 * @param lb nginx's mode
	 * @param revokes whether a logged-out credential must stop working at once (not so for
	 * JWT without a denylist, or behind the njs gateway, which does not ask Redis)
	 */
	public record Target(Variant variant, LbMode lb, boolean revokes) {

		/**
		 * What to expect of a running stack. JWT revokes at once only with the denylist (the
		 * default), and not behind the njs gateway, which does not ask Redis.
		 */
		public static Target of(Variant variant, LbMode lb, org.authbench.harness.stack.StackState state) {
			boolean revokes = lb.checksRevocation() && (state == null
					? variant.revocation().mode(null).revokes()
					: state.apps().stream().allMatch(app -> variant.revocation().mode(app.env()).revokes()));
			return new Target(variant, lb, revokes);
		}

		public static Target of(org.authbench.harness.stack.StackState state) {
			return of(state.variantType(), state.lbMode(), state);
		}
	}

	private final String url;

	private final Target target;

	private final List<Check> checks = new ArrayList<>();

	private Verify(String url, Target target) {
		this.url = url;
		this.target = target;
	}

	/** Runs every check against {@code url} (nginx, e.g. {@code http://127.0.0.1:8080}). */
	public static Result run(String url, Target target) {
		Verify verify = new Verify(url, target);
		try {
			verify.checkAll();
		}
		catch (IOException ex) {
			verify.checks.add(new Check("reach " + url, false, ex.getClass().getSimpleName()
					+ (ex.getMessage() != null ? " " + ex.getMessage() : "")));
		}
		return new Result(url, List.copyOf(verify.checks));
	}

	private void checkAll() throws IOException {
		boolean authenticates = this.target.variant().credential() != Variant.Credential.NONE;
		String prefix = this.target.variant().id() + "-";
		Answer health = session().get("/actuator/health");
		expect("GET /actuator/health → 200", health.status() == 200, health);

		Answer bad = session().login("user0002", "wrong-password");
		expect("login with a wrong password → 401 JSON", bad.status() == 401 && bad.isJson(), bad);

		Session user = session();
		Answer login = user.login("user0002", PASSWORD);
		expect("login user0002 → 200 with a credential", login.status() == 200 && user.holdsCredential(), login);
		String instance = login.header("X-Instance-Id").orElse("");
		expect("X-Instance-Id names a " + this.target.variant().id() + " instance", instance.startsWith(prefix),
				"X-Instance-Id: " + (instance.isEmpty() ? "(missing)" : instance));

		Answer me = user.get("/api/me");
		String expectedUser = authenticates ? "user0002" : "user0001";
		expect("GET /api/me with the credential → 200 " + expectedUser,
				me.status() == 200 && expectedUser.equals(me.json().path("username").asString("")), me);

		Answer anonymous = session().send("GET", "/api/me", null,
				Map.of("X-User", "admin", "X-Roles", "ADMIN,USER"));
		if (authenticates) {
			expect("GET /api/me without credential (forged X-User) → 401 JSON",
					anonymous.status() == 401 && anonymous.isJson(), anonymous);
		}
		else {
			expect("GET /api/me without credential → 200 user0001 (baseline)",
					anonymous.status() == 200 && "user0001".equals(anonymous.json().path("username").asString("")),
					anonymous);
		}

		Answer asUser = user.get("/api/admin/stats");
		expect("GET /api/admin/stats as a plain user → 403 JSON", asUser.status() == 403 && asUser.isJson(), asUser);
		Session admin = session();
		admin.login("admin", PASSWORD);
		Answer asAdmin = admin.get("/api/admin/stats");
		int adminExpected = authenticates ? 200 : 403;
		expect("GET /api/admin/stats as admin → " + adminExpected, asAdmin.status() == adminExpected, asAdmin);

		Answer unknown = user.get("/no/such/route");
		expect("unknown route → 404 JSON", unknown.status() == 404 && unknown.isJson(), unknown);

		Answer logout = user.send("POST", "/api/auth/logout", null, Map.of());
		expect("POST /api/auth/logout → 204", logout.status() == 204, logout);
		Answer after = user.get("/api/me");
		if (authenticates && this.target.revokes()) {
			expect("the logged-out credential → 401", after.status() == 401, after);
		}
		else {
			String why = authenticates ? "no revocation at this gateway/setting: it works until it expires"
					: "the baseline has nothing to revoke";
			expect("the logged-out credential still works (" + why + ")", after.status() == 200, after);
		}
	}

	private Session session() {
		return new Session(this.url, this.target.variant().credential(), REQUEST_TIMEOUT);
	}

	private void expect(String name, boolean ok, Answer answer) {
		this.checks.add(new Check(name, ok, ok ? "" : "got " + answer));
	}

	private void expect(String name, boolean ok, String detail) {
		this.checks.add(new Check(name, ok, ok ? "" : detail));
	}
}
