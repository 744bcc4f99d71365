package org.authbench.system;

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
			return registration;
		}
	}
}
