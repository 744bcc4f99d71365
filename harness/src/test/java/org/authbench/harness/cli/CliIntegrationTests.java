package org.authbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.authbench.harness.stack.Member;
import org.authbench.harness.stack.StackState;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.authbench.testsupport.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as an operator uses it, through {@link Main#run}: up --detach, status, chaos freeze and
 * thaw against a baseline stack (failover within the read timeout), down leaving nothing behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIntegrationTests {

	static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	static final int READ_TIMEOUT_SECONDS = 2;

	static Path runDir;

	static int port;

	static final List<Long> pids = new ArrayList<>();

	/** Output and exit code of one command. */
	record Run(int code, String out, String err) {
	}

	static Run authbench(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--home", HOME.toString(), "--run-dir", runDir.toString()));
		int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
		System.out.println("$ authbench " + String.join(" ", args) + "\n" + out + err);
		return new Run(code, out.toString(), err.toString());
	}

	@BeforeAll
	static void up() throws IOException {
		runDir = Files.createTempDirectory("authbench-cli-");
		port = FreePorts.next();
		int appPort = FreePorts.next();

		Run up = authbench("up", "--variant", "baseline", "--instances", "2", "--port", String.valueOf(port),
				"--app-port", String.valueOf(appPort), "--read-timeout", READ_TIMEOUT_SECONDS + "s", "--jvm-opt",
				"-XX:TieredStopAtLevel=1", "--heap", "256m", "--detach");

		assertThat(up.code()).as(up.err()).isZero();
		assertThat(up.out()).contains("http://127.0.0.1:" + port, "app-1", "app-2", "Detached");
		StackState state = StackState.load(runDir).orElseThrow();
		for (Member member : state.members()) {
			pids.add(member.pid());
			ProcessHandle.of(member.pid()).ifPresent(p -> p.descendants().forEach(child -> pids.add(child.pid())));
		}
	}

	@AfterAll
	static void down() {
		if (StackState.load(runDir).isPresent()) {
			authbench("down");
		}
	}

	@Test
	@Order(1)
	void statusShowsEveryProcessHealthy() {
		Run status = authbench("status");

		assertThat(status.code()).isZero();
		assertThat(status.out()).contains("app-1", "app-2", "nginx", "running", "UP").doesNotContain("gone");
	}

	@Test
	@Order(2)
	void aFrozenInstanceIsFailedOverWithinTheReadTimeoutAndServesAgainAfterThaw() throws IOException {
		ApiClient client = new ApiClient("http://127.0.0.1:" + port, CredentialKind.NONE);

		Run freeze = authbench("chaos", "freeze", "app-1");
		List<Answer> during = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			during.add(client.get("/api/items"));
		}
		Run status = authbench("status");
		Run thaw = authbench("chaos", "thaw", "app-1");
		Answer fromApp1 = untilServedBy(client, "baseline-1", Duration.ofSeconds(30));
		List<String> failovers = Awaitility
			.await("a request timed out on the frozen instance, then went to the other (access log, flushed every second)")
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> accessLogLines().stream().filter(line -> line.contains("\"upstream_status\":\"504, 200\"")).toList(),
					lines -> !lines.isEmpty());

		assertThat(freeze.code()).isZero();
		assertThat(status.out()).contains("frozen");
		assertThat(during).allSatisfy(answer -> {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("X-Instance-Id")).contains("baseline-2");
		});
		assertThat(failovers).allSatisfy(line -> assertThat(firstUpstreamTime(line))
			.as("time spent on the frozen instance").isLessThan(READ_TIMEOUT_SECONDS + 1.0));
		assertThat(thaw.code()).isZero();
		assertThat(fromApp1.header("X-Instance-Id")).as("app-1 serves again after thaw").contains("baseline-1");
	}

	@Test
	@Order(3)
	void aBusyPortIsAClearError() throws IOException {
		try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Path otherRun = Files.createTempDirectory("authbench-cli-busy-");
			StringWriter err = new StringWriter();

			int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "up", "--home",
					HOME.toString(), "--run-dir", otherRun.toString(), "--variant", "baseline", "--port",
					String.valueOf(busy.getLocalPort()), "--app-port", String.valueOf(FreePorts.next()));

			assertThat(code).isEqualTo(1);
			assertThat(err.toString()).contains("port " + busy.getLocalPort() + " (nginx) is in use");
			assertThat(StackState.load(otherRun)).isEmpty();
		}
	}

	@Test
	@Order(4)
	void downStopsEveryProcessItStarted() {
		Run down = authbench("down");
		Run statusAfter = authbench("status");

		assertThat(down.code()).isZero();
		assertThat(down.out()).contains("nginx", "app-1", "app-2", "stopped");
		assertThat(pids).hasSizeGreaterThan(3);
		assertThat(pids).allSatisfy(CliIntegrationTests::awaitGone);
		assertThat(statusAfter.code()).isEqualTo(1);
		assertThat(statusAfter.err()).contains("no stack is running");
	}

	/**
	 * Waits until the process is gone. This JVM is the processes' parent here (Main.run ran in it):
	 * an exited child stays a zombie until Java's reaper thread collects it, so poll briefly.
	 */
	static void awaitGone(long pid) {
		Awaitility.await("pid " + pid + " is gone")
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
	}

	static Answer untilServedBy(ApiClient client, String instance, Duration timeout) {
		return Awaitility.await(instance + " serves a request")
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get("/api/items"), answer -> answer.status() == 200
					&& answer.header("X-Instance-Id").orElse("").equals(instance));
	}

	static List<String> accessLogLines() throws IOException {
		Path log = runDir.resolve("logs").resolve("access.json");
		return Files.exists(log) ? Files.readAllLines(log) : List.of();
	}

	static double firstUpstreamTime(String line) {
		String times = line.replaceAll(".*\"upstream_time\":\"([^\"]*)\".*", "$1");
		return Double.parseDouble(times.split(",")[0].trim());
	}
}
