/** The comparison of variants: running the matrix, and the reports an architect reads (HTML, Markdown). */
package org.authbench.harness.report;
