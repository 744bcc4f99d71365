/**
 * The comparison's reports: builds a {@link org.authbench.harness.report.Comparison} from the
 * results a comparison's runs wrote (and the names they are recorded under,
 * {@link org.authbench.harness.report.Comparison.RunRef}), and renders what an architect reads
 * (summary.json, HTML, Markdown). It starts nothing: running the matrix is
 * {@link org.authbench.harness.compare}'s.
 */
package org.authbench.harness.report;
