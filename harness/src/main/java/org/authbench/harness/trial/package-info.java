/** Interleaved trials: every compared configuration up at once, warmed together, measured in randomized rounds. */
package org.authbench.harness.trial;
