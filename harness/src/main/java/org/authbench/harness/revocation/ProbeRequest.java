package org.authbench.harness.revocation;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.authbench.harness.http.Http;
import org.authbench.harness.metrics.AccessLog;

/** A probe's request: sent with the shared {@link Http} client, marked so that the analysis can tell it from load. */
final class ProbeRequest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private ProbeRequest() {
	}

	/** A request to {@code base + path} carrying these headers (a credential, usually). */
	static HttpRequest.Builder to(String base, String path, Map<String, String> headers) {
		HttpRequest.Builder request = Http.request(base, path, TIMEOUT)
			.header("Accept", "application/json")
			// nginx logs it: a drill's probe requests are not counted as the load generator's.
			.header("User-Agent", AccessLog.PROBE_AGENT);
		headers.forEach(request::header);
		return request;
	}
}
