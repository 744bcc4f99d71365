package org.authbench.gatling;

/**
 * Open model at one steady rate ({@code -Dladder=500} requests per second for
 * {@code -DstepDuration} seconds): the load the chaos drills run under.
 */
public class SteadySimulation extends AuthbenchSimulation {

	public SteadySimulation() {
		super(Workload.Model.OPEN, "steady");
	}
}
