/** nginx configuration: the templates in {@code nginx/} rendered into a stack's run folder. */
package org.authbench.harness.nginx;
