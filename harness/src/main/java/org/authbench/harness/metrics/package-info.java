/**
 * Reading and reducing what a run recorded: the simulation's latency log and time line, CPU
 * time from /proc, Redis command counts, and statistics over repeats.
 */
package org.authbench.harness.metrics;
