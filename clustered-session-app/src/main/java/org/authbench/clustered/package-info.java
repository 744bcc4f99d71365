/** The clustered-session variant: Spring Session on Redis, any instance serves any session. */
package org.authbench.clustered;
