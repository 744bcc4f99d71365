package org.authbench.gatling;

/**
 * Closed model, concurrency ladder: {@code -Dladder=8,32} active users, each sending its
 * next request as soon as the last one answered. Shows the maximum sustained request rate.
 */
public class ThroughputSimulation extends AuthbenchSimulation {

	public ThroughputSimulation() {
		super(Workload.Model.CLOSED, "throughput");
	}
}
