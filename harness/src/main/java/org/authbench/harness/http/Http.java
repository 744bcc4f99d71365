package org.authbench.harness.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.authbench.harness.stack.StackException;

/**
 * The harness's one {@link HttpClient}: a bounded connect timeout, no redirects (a redirect
 * would hide what the server answered), and a {@link StackException} naming the process when it
 * cannot be reached. Every request carries its own timeout; the callers pick it.
 */
public final class Http {

	/** Everything the harness talks to runs on this machine or next to it: a connect is quick or refused. */
	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private Http() {
	}

	/** A request to {@code base + path} that gives up after {@code timeout}. */
	public static HttpRequest.Builder request(String base, String path, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
	}

	/** Sends and waits, for callers that report a failure themselves (health checks, verify). */
	public static HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Sends and waits; {@code who} names the process in the exception when it cannot be reached. */
	public static HttpResponse<String> send(HttpRequest request, String who) {
		try {
			return exchange(request);
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
	public static CompletableFuture<HttpResponse<Void>> sendAsync(HttpRequest request) {
		return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding());
	}

	/** The status of an answer sent with {@link #sendAsync}. */
	public static int status(CompletableFuture<HttpResponse<Void>> answer, HttpRequest request, String who) {
		try {
			return answer.join().statusCode();
		}
		catch (CompletionException ex) {
			throw unreachable(who, request.uri(), ex.getCause());
		}
	}

	static StackException unreachable(String who, URI uri, Throwable cause) {
		return new StackException("cannot reach " + who + " at " + uri + ": " + cause.getClass().getSimpleName()
				+ (cause.getMessage() != null ? " " + cause.getMessage() : "") + " (is the stack up?)", cause);
	}
}
