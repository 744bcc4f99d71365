package org.authbench.gatling;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

/**
 * The shared frame of every authbench simulation: settings, the metrics recorder, one
 * population of users injected at once (each logs in, then loops until the run's phases end).
 * The run ends by itself: after the warm-up (bounded) and the ladder steps.
 */
abstract class AuthbenchSimulation extends Simulation {

	final LoadSettings settings;

	final MetricsRecorder metrics;

	/** @param scenario whose default ladder: {@code throughput}, {@code latency} or {@code steady} */
	AuthbenchSimulation(Workload.Model model, String scenario) {
		this.settings = LoadSettings.fromSystemProperties(scenario);
		int users = model == Workload.Model.CLOSED ? Math.max(this.settings.users(), this.settings.maxLadder())
				: this.settings.users();
		this.metrics = new MetricsRecorder(this.settings);
		Workload workload = new Workload(this.settings, this.metrics, model);
		setUp(workload.users(getClass().getSimpleName()).injectOpen(atOnceUsers(users)))
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
