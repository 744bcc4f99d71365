package org.authbench.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 JSON for bodies above {@code authbench.max-body-bytes}: at once when the
 * declared length is too big, and while reading when a chunked body grows past it.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ApiErrorWriter errors;

	BodyLimitFilter(long maxBytes, ApiErrorWriter errors) {
		this.maxBytes = maxBytes;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			this.errors.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBytes), response);
	}

	private String tooLarge() {
		return "request body larger than " + this.maxBytes + " bytes";
	}

	/** Thrown while reading a body that grew past the limit; mapped to 413 by the exception handler. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(String message) {
			super(message);
		}
	}

	private final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}
	}

	private final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(tooLarge());
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}
	}
}
