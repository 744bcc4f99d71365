/** The seeded user directory and password check shared by every variant. */
package org.authbench.users;
