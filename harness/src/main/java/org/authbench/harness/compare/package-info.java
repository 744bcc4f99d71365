/**
 * The comparison: runs every setup (a variant in one configuration) through the studies asked
 * for, as the {@code compare} and {@code demo} commands want, and hands the runs to the report.
 *
 * <p>Where it sits in the flow: {@code cli} → {@code compare} → {@code trial} (capacity and cost,
 * interleaved), {@code load} (one measured load run, with a {@code drill} during it),
 * {@code revocation} (the logout probe) → {@code report}, which builds the comparison from the
 * runs' results and renders it. This package is the only one above those that run things; the
 * report only reads what they wrote.
 */
package org.authbench.harness.compare;
