/** The authbench harness: the CLI and the services it delegates to. */
package org.authbench.harness;
