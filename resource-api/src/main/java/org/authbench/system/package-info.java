/** Cross-cutting plumbing: settings, the instance header, body limits and JSON errors. */
package org.authbench.system;
