/** The harness's one HTTP client: bounded timeouts, no redirects, and a session that logs in and carries the credential. */
package org.authbench.harness.http;
