/**
 * The load: Gatling simulations in the Java DSL. Every knob is a system property; each
 * simulation records its own metrics (HdrHistogram) into {@code -DmetricsDir}.
 */
package org.authbench.gatling;
