/** Load runs: Gatling as a child JVM, the {@link org.authbench.harness.load.MeasurementWindow measurement window}, and the run's summary. */
package org.authbench.harness.load;
