/** The stack beyond one machine: docker-compose and Kubernetes files generated from the launcher's own settings. */
package org.authbench.harness.deploy;
