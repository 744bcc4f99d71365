/** Starting, watching, breaking and stopping a real stack: app instances, redis-server and nginx as OS processes. */
package org.authbench.harness.stack;
