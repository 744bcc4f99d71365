/** The {@code authbench} command line (picocli): one thin class per verb, delegating to the services. */
package org.authbench.harness.cli;
