package org.authbench.harness.revocation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.authbench.harness.metrics.AccessLog;
import org.authbench.harness.stack.StackException;

/**
 * The probe's HTTP: bounded timeouts, no redirects, and a {@link StackException} naming the
 * process when it cannot be reached.
 */
final class Http {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private Http() {
	}

	/** A request to {@code base + path} carrying these headers (a credential, usually). */
	static HttpRequest.Builder request(String base, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", "application/json")
			// nginx logs it: a drill's probe requests are not counted as the load generator's.
			.header("User-Agent", AccessLog.PROBE_AGENT);
		headers.forEach(request::header);
		return request;
	}

	/** Sends and waits; {@code who} names the process in the exception when it cannot be reached. */
	static HttpResponse<String> send(HttpRequest request, String who) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw unreachable(who, request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted while waiting for " + who, ex);
		}
	}

	/** Sends without waiting, for polling several instances at once; the body is discarded. */
	static CompletableFuture<HttpResponse<Void>> sendAsync(HttpRequest request) {
		return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding());
	}

	/** The status of an answer sent with {@link #sendAsync}. */
	static int status(CompletableFuture<HttpResponse<Void>> answer, HttpRequest request, String who) {
		try {
			return answer.join().statusCode();
		}
		catch (CompletionException ex) {
			throw unreachable(who, request.uri(), ex.getCause());
		}
	}

	private static StackException unreachable(String who, URI uri, Throwable cause) {
		return new StackException("cannot reach " + who + " at " + uri + ": " + cause.getClass().getSimpleName()
				+ (cause.getMessage() != null ? " " + cause.getMessage() : "") + " (is the stack up?)", cause);
	}
}
