package org.authbench.system;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code minimal} observability of every variant ({@code AUTHBENCH_OBSERVABILITY=minimal}, the
 * default): a no-op {@link ObservationRegistry}, so Spring Security does not wrap each filter of its
 * chain in an observation and Spring MVC's request observation does nothing. Metrics that cost
 * nothing per request (JVM, process, Tomcat) stay on {@code /actuator/prometheus}; per-request
 * timers ({@code http.server.requests}) are gone.
 *
 * <p>Why: with Spring Boot's defaults this machinery cost more CPU per request than a session or a
 * JWT check did (a JFR profile of the sticky variant under load: about 75% of the samples inside
 * {@code ObservationFilterChainDecorator}, {@code DefaultMeterObservationHandler}, tag sorting and
 * meter lookups). A benchmark of session designs must not measure that; {@code boot-default} keeps
 * Boot's behaviour so that its cost is measured as a figure of its own (docs/method.md).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnProperty(name = "authbench.observability", havingValue = "minimal", matchIfMissing = true)
public class ObservabilityConfiguration {

	@Bean
	ObservationRegistry observationRegistry() {
		return ObservationRegistry.NOOP;
	}
}
