package org.authbench.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class one real {@code redis-server} ({@link RedisProcess}):
 * started before the class's first test, or earlier if something asks for its port first (a
 * {@code @DynamicPropertySource} of a per-class Spring test), and killed after its last test.
 * <pre>
 * &#64;RegisterExtension
 * static final RedisServer redis = new RedisServer();
 * </pre>
 * The test reads {@link #port()}, sends {@link #command}s, kills and restarts the server for an
 * outage; a test or {@code @BeforeAll} method may also declare a {@link RedisProcess} parameter.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private RedisProcess process;

	/** The running server, started on first use. */
	public synchronized RedisProcess process() {
		if (this.process == null) {
			this.process = RedisProcess.start();
		}
		return this.process;
	}

	public int port() {
		return process().port();
	}

	public String host() {
		return process().host();
	}

	/** See {@link RedisProcess#command}. */
	public String command(String... words) {
		return process().command(words);
	}

	/** See {@link RedisProcess#kill}: an outage, until {@link #restart()}. */
	public void kill() {
		process().kill();
	}

	/** See {@link RedisProcess#restart}: back on the same port, empty. */
	public void restart() {
		process().restart();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		process();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.process != null) {
			this.process.close();
			this.process = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == RedisProcess.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return process();
	}
}
