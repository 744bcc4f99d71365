package org.authbench.sticky;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationRegistry;
import org.authbench.testsupport.ApiClient;
import org.authbench.testsupport.ApiClient.Answer;
import org.authbench.testsupport.ApiClient.CredentialKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code AUTHBENCH_OBSERVABILITY} on the variant with the full Spring Security chain: {@code minimal}
 * (the default) observes no request and no security filter, yet {@code /actuator/prometheus} still
 * serves JVM and Tomcat metrics; {@code boot-default} keeps Spring Boot's own observations; any other
 * value stops the app.
 */
class ObservabilityIntegrationTests {

	private static ConfigurableApplicationContext start(String... settings) {
		String[] args = new String[settings.length + 2];
		args[0] = "--server.port=0";
		args[1] = "--authbench.users.hash-cost=4";
		System.arraycopy(settings, 0, args, 2, settings.length);
		return new SpringApplicationBuilder(StickySessionApplication.class).run(args);
	}

	/** Logs in, lists the items three times, and returns what {@code /actuator/prometheus} shows then. */
	private static String prometheusAfterAuthenticatedRequests(ConfigurableApplicationContext app) {
		ApiClient client = new ApiClient(
				"http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort(),
				CredentialKind.COOKIE);
		assertThat(client.login("user0501", "changeit").status()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertThat(client.get("/api/items").status()).isEqualTo(200);
		}
		Answer prometheus = client.anonymous("GET", "/actuator/prometheus", null);
		assertThat(prometheus.status()).isEqualTo(200);
		return prometheus.body();
	}

	/** The messages of a failure and of its causes, outermost first. */
	private static List<String> messageChain(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).map(Throwable::getMessage).toList();
	}

	@Test
	void byDefaultNeitherRequestsNorSecurityFiltersAreObservedButJvmAndTomcatMetricsRemain() {
		try (ConfigurableApplicationContext app = start()) {
			String metrics = prometheusAfterAuthenticatedRequests(app);
			ObservationRegistry observations = app.getBean(ObservationRegistry.class);

			assertThat(observations.isNoop()).isTrue();
			assertThat(metrics).as("no per-request timer, no observation of Spring Security's filters")
				.doesNotContain("http_server_requests")
				.doesNotContain("spring_security_");
			assertThat(metrics).as("what costs nothing per request stays")
				.contains("jvm_memory_used_bytes{")
				.contains("process_cpu_usage")
				.contains("tomcat_sessions_created_sessions_total");
		}
	}

	@Test
	void bootDefaultObservesEveryRequestAndEveryFilterOfTheSecurityChain() {
		try (ConfigurableApplicationContext app = start("--AUTHBENCH_OBSERVABILITY=boot-default")) {
			String metrics = prometheusAfterAuthenticatedRequests(app);
			ObservationRegistry observations = app.getBean(ObservationRegistry.class);

			assertThat(observations.isNoop()).isFalse();
			assertThat(metrics.lines()).as("Spring MVC's request timer")
				.anySatisfy(line -> assertThat(line).startsWith("http_server_requests_seconds_count{")
					.contains("uri=\"/api/items\""));
			assertThat(metrics.lines()).as("Spring Security's observation of its filter chain")
				.anySatisfy(line -> assertThat(line).startsWith("spring_security_filterchains_seconds_count{"));
			assertThat(metrics).contains("jvm_memory_used_bytes{");
		}
	}

	@Test
	void anUnknownValueIsRefusedAtStartUpNamingTheSetting() {
		Throwable failure = catchThrowable(() -> start("--authbench.observability=verbose").close());

		assertThat(failure).isNotNull();
		assertThat(messageChain(failure)).anySatisfy(message -> assertThat(message)
			.contains("Failed to bind properties under 'authbench.observability'"));
		assertThat(failure).rootCause().hasMessageContaining("Observability.verbose");
	}
}
