package org.authbench.gatling;

/**
 * Open model, arrival-rate ladder: {@code -Dladder=500,1000,2000} requests per second over
 * {@code -Dusers} paced users. Latency counts from the intended send time.
 */
public class LatencySimulation extends AuthbenchSimulation {

	public LatencySimulation() {
		super(Workload.Model.OPEN, "latency");
	}
}
