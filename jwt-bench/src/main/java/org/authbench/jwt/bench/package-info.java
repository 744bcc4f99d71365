/** JMH benchmarks of jjwt signature verification, one per algorithm jwt-app can be configured with. */
package org.authbench.jwt.bench;
