package org.authbench.clustered;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the clustered variant keeps its sessions in Redis ({@code authbench.session.*}).
 *
 * @param store {@code default}: Spring Session's {@code RedisSessionRepository};
 * {@code indexed}: {@code RedisIndexedSessionRepository} (find by user name, expiry events);
 * {@code tuned}: {@link TunedSessionRepository}, the default repository writing only when
 * something changed and the last-access time at most once per {@code touchInterval}
 * @param touchInterval tuned only: how stale the stored last-access time may get; a session
 * then expires between the idle timeout and the idle timeout plus this interval after its
 * last request
 */
@ConfigurationProperties("authbench.session")
record SessionStoreProperties(@DefaultValue("default") Store store, @DefaultValue("60s") Duration touchInterval) {

	enum Store {

		DEFAULT, INDEXED, TUNED

	}

	SessionStoreProperties {
		if (touchInterval.isNegative()) {
			throw new IllegalArgumentException("authbench.session.touch-interval must not be negative, was " + touchInterval);
		}
	}
}
