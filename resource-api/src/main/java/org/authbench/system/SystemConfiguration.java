package org.authbench.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.authbench.users.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings, the user directory, JSON errors and the two filters that run before anything
 * else (before Spring Security and Spring Session), so even their answers carry the
 * instance header and oversized bodies never reach them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthbenchProperties.class)
@Import({ ApiExceptionHandler.class, JsonErrorController.class })
public class SystemConfiguration {

	/** Filter order of the instance header; variants put their own early filters after it. */
	public static final int FIRST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	@Bean
	UserDirectory userDirectory(AuthbenchProperties settings) {
		return new UserDirectory(settings.users());
	}

	@Bean
	ApiErrorWriter apiErrorWriter(JsonMapper json, AuthbenchProperties settings) {
		return new ApiErrorWriter(json, settings.instanceId());
	}

	@Bean
	FilterRegistrationBean<InstanceIdFilter> instanceIdFilter(AuthbenchProperties settings) {
		var registration = new FilterRegistrationBean<>(new InstanceIdFilter(settings.instanceId()));
		registration.setOrder(FIRST_FILTER_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(AuthbenchProperties settings, ApiErrorWriter errors) {
		var registration = new FilterRegistrationBean<>(new BodyLimitFilter(settings.maxBodyBytes(), errors));
		registration.setOrder(FIRST_FILTER_ORDER + 1);
		return registration;
	}

	/** Only for variants that keep something in Redis (sessions, the token denylist). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
	static class RedisFailures {

		@Bean
		FilterRegistrationBean<RedisUnavailableFilter> redisUnavailableFilter(ApiErrorWriter errors,
				@Value("${authbench.redis.holds:state}") String holds) {
			var registration = new FilterRegistrationBean<>(new RedisUnavailableFilter(errors, holds));
			// Outside Spring Session's filter (order MIN_VALUE + 50), inside the instance header.
			registration.setOrder(FIRST_FILTER_ORDER + 10);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}
	}

	/**
	 * Lettuce reconnects after a lost connection with an exponential back-off of up to 30 s: after
	 * a 15 s Redis outage (or a Sentinel failover) the apps would keep failing for seconds after
	 * Redis was back. Capped at {@code authbench.redis.reconnect-delay-max}, the same for a single
	 * Redis and for Sentinel, so recovery measures Redis and not the back-off (docs/design.md §10).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer")
	static class RedisReconnect {

		@Bean
		ClientResourcesBuilderCustomizer boundedReconnectDelay(
				@Value("${authbench.redis.reconnect-delay-max:500ms}") Duration max) {
			return builder -> builder.reconnectDelay(Delay.exponential(Duration.ZERO, max, 2, TimeUnit.MILLISECONDS));
		}
	}
}
