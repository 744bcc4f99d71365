/** Load runs: Gatling as a child JVM, the measurement window, and the run's summary. */
package org.authbench.harness.load;
