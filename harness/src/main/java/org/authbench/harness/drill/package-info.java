/** Chaos drills: timelines of events (kill, freeze, restart, Redis outage and latency) run during a steady load. */
package org.authbench.harness.drill;
