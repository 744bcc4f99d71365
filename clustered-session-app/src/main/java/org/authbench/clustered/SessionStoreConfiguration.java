package org.authbench.clustered;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session store chosen by {@code authbench.session.store}. {@code default} and
 * {@code indexed} are Spring Boot's own ({@code spring.session.data.redis.repository-type},
 * mapped from the setting in {@code application.properties}); {@code tuned} is Boot's default
 * repository, configured as usual, wrapped in a {@link TunedSessionRepository}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionStoreProperties.class)
class SessionStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "authbench.session.store", havingValue = "tuned")
	static class Tuned {

		@Bean
		RequestScopedSessions requestScopedSessions() {
			return new RequestScopedSessions();
		}

		@Bean
		FilterRegistrationBean<RequestScopedSessions> requestScopedSessionsFilter(RequestScopedSessions sessions) {
			var registration = new FilterRegistrationBean<>(sessions);
			// Just outside Spring Session's filter, so that it spans both of its commits.
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
			return registration;
		}

		/**
		 * Wraps the repository Boot made rather than declaring another one: Boot backs off
		 * entirely (timeout, namespace, serialisation) as soon as any session repository exists.
		 */
		@Bean
		static BeanPostProcessor tunedSessionRepository(ObjectProvider<SessionStoreProperties> settings,
				ObjectProvider<RequestScopedSessions> sessions) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof RedisSessionRepository redis) {
						return new TunedSessionRepository(redis, settings.getObject().touchInterval(),
								sessions.getObject());
					}
					return bean;
				}
			};
		}
	}
}
