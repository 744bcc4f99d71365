package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AccessLogTests {

	@Test
	void countsRequestsAndBytesOfAWindow(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("access.json");
		Files.writeString(file, """
				{"time":"2026-11-25T08:00:00+00:00","msec":1795600000.100,"status":200,"uri":"/api/me","bytes_sent":300,"request_length":120}
				{"time":"2026-11-25T08:00:00+00:00","msec":1795600000.900,"status":502,"uri":"/api/me","bytes_sent":200,"request_length":100}
				{"time":"2026-11-25T08:00:01+00:00","msec":1795600001.000,"status":200,"uri":"/api/items","bytes_sent":3000,"request_length":110}

				""");

		AccessLog log = AccessLog.read(file);
		AccessLog.Window first = log.window(1795600000000L, 1795600001000L);

		assertThat(log.entries()).hasSize(3);
		assertThat(first.requests()).isEqualTo(2);
		assertThat(first.bytesSent()).isEqualTo(500);
		assertThat(first.requestBytes()).isEqualTo(220);
		assertThat(first.serverErrors()).isEqualTo(1);
	}

	@Test
	void countsTheProbesRequestsApartFromTheLoadGenerators(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("access.json");
		Files.writeString(file, """
				{"msec":1795600000.100,"status":200,"uri":"/api/me","bytes_sent":300,"request_length":120,"agent":"GatlingHttpClient"}
				{"msec":1795600000.200,"status":200,"uri":"/api/auth/login","bytes_sent":900,"request_length":400,"agent":"authbench-probe"}
				{"msec":1795600000.300,"status":401,"uri":"/api/me","bytes_sent":200,"request_length":100,"agent":"authbench-probe"}
				{"msec":1795600000.400,"status":200,"uri":"/api/items","bytes_sent":3000,"request_length":110,"agent":""}
				""");

		AccessLog.Window window = AccessLog.read(file).window(1795600000000L, 1795600001000L);

		assertThat(window.requests()).isEqualTo(2);
		assertThat(window.probeRequests()).isEqualTo(2);
		assertThat(window.bytesSent()).isEqualTo(3300);
		assertThat(window.requestBytes()).isEqualTo(230);
	}

	/**
	 * By the simulation's send stamp: the request sent just before the window and logged in it is
	 * out, the one sent in it and logged after it is in, and requests without a stamp (the probe's,
	 * the harness's readiness checks) are counted apart by the time they completed.
	 */
	@Test
	void countsTheSimulationsRequestsByTheirSendStamp(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("access.json");
		Files.writeString(file, """
				{"msec":1795600000.150,"status":200,"uri":"/api/me","bytes_sent":300,"request_length":150,"agent":"GatlingHttpClient","sent":"1795599999990"}
				{"msec":1795600000.200,"status":200,"uri":"/api/me","bytes_sent":300,"request_length":150,"agent":"GatlingHttpClient","sent":"1795600000000"}
				{"msec":1795600000.300,"status":200,"uri":"/actuator/health","bytes_sent":500,"request_length":200,"agent":"Java-http-client/17","sent":""}
				{"msec":1795600000.400,"status":401,"uri":"/api/me","bytes_sent":200,"request_length":100,"agent":"authbench-probe","sent":""}
				{"msec":1795600001.050,"status":502,"uri":"/api/items","bytes_sent":200,"request_length":160,"agent":"GatlingHttpClient","sent":"1795600000999"}
				{"msec":1795600001.060,"status":200,"uri":"/api/items","bytes_sent":3000,"request_length":160,"agent":"GatlingHttpClient","sent":"1795600001000"}
				""");

		AccessLog log = AccessLog.read(file);
		AccessLog.Window bySent = log.window(1795600000000L, 1795600001000L, AccessLog.Stamp.SENT);
		AccessLog.Window byCompletion = log.window(1795600000000L, 1795600001000L);

		assertThat(log.entries().get(0).sentMillis()).isEqualTo(1795599999990L);
		assertThat(log.entries().get(2).sentMillis()).isNull();
		assertThat(bySent.requests()).isEqualTo(2);
		assertThat(bySent.serverErrors()).isEqualTo(1);
		assertThat(bySent.bytesSent()).isEqualTo(500);
		assertThat(bySent.probeRequests()).isEqualTo(2);
		assertThat(byCompletion.requests()).isEqualTo(3);
		assertThat(byCompletion.probeRequests()).isEqualTo(1);
	}

	@Test
	void aSendStampThatIsNotANumberIsNone() {
		AccessLog.Entry entry = AccessLog.parse("{\"msec\":1795600000.1,\"status\":200,\"sent\":\"12ab\"}");

		assertThat(entry.sentMillis()).isNull();
	}

	@Test
	void fallsBackToTheIsoTimeWithoutMsec() {
		AccessLog.Entry entry = AccessLog.parse("{\"time\":\"2026-11-25T08:00:01+00:00\",\"status\":401}");

		assertThat(entry.epochMillis()).isEqualTo(1795593601000L);
		assertThat(entry.status()).isEqualTo(401);
	}

	@Test
	void disagreementIsRelativeToTheLargerCount() {
		assertThat(AccessLog.disagreement(1000, 990)).isCloseTo(0.01, within(1e-12));
		assertThat(AccessLog.disagreement(0, 0)).isZero();
	}
}
