/** The contract check of docs/design.md §3 against a running stack, through nginx: what must hold before any load is sent. */
package org.authbench.harness.verify;
