/** The sticky-session variant: in-memory Tomcat sessions pinned by a route in the cookie. */
package org.authbench.sticky;
