/** The resource API of DESIGN §3: login/logout, me, items, admin stats. */
package org.authbench.api;
