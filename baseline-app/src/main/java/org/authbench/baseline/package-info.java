/** The no-authentication baseline variant. */
package org.authbench.baseline;
