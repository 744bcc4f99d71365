/**
 * The authbench harness: the CLI and the services it delegates to. A comparison flows
 * {@code cli} → {@code compare} → {@code trial}, {@code load} (with a {@code drill}),
 * {@code revocation} → {@code report}; {@code stack}, {@code metrics}, {@code verify} and the rest
 * serve them.
 */
package org.authbench.harness;
