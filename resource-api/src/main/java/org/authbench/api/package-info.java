/** The resource API of docs/design.md §3: login/logout, me, items, admin stats. */
package org.authbench.api;
