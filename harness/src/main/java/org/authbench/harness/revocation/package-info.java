/** The revocation scenario: how long a logged-out credential keeps working on each instance of a running stack. */
package org.authbench.harness.revocation;
