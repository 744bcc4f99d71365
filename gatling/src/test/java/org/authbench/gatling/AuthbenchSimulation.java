package org.authbench.gatling;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * The shared frame of every authbench simulation: settings, the metrics recorder, one
 * population of users (each logs in, then loops until the run's phases end), injected evenly over
 * the first warm-up window: 60 users logging in at the same instant queued 60 BCrypt checks on
 * two cores, longer than nginx's read timeout on a busy machine, and nginx then marked the
 * instances down (a run of 502s before any fault). The run ends by itself: after the warm-up
 * (bounded) and the ladder steps.
 */
abstract class AuthbenchSimulation extends Simulation {

	final LoadSettings settings;

	final MetricsRecorder metrics;

	/** @param scenario whose default ladder: {@code throughput}, {@code latency} or {@code steady} */
	AuthbenchSimulation(Workload.Model model, String scenario) {
		this.settings = LoadSettings.fromSystemProperties(scenario);
		int users = model == Workload.Model.CLOSED ? Math.max(this.settings.users(), this.settings.maxLadder())
				: this.settings.users();
		this.metrics = new MetricsRecorder(this.settings, model);
		Workload workload = new Workload(this.settings, this.metrics, model);
		setUp(workload.users(getClass().getSimpleName()).injectOpen(rampUsers(users).during(this.settings.warmupWindow())))
			.protocols(workload.protocol())
			.maxDuration(this.settings.warmupMax()
				.plus(this.settings.stepDuration().multipliedBy(this.settings.ladder().size()))
				.plusSeconds(60));
	}

	@Override
	public void after() {
		this.metrics.close();
		System.out.println("authbench metrics written to " + this.settings.metricsDir().toAbsolutePath());
	}
}
