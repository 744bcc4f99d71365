/** Who is calling: the identity a variant resolves for each request, and the seam it plugs into. */
package org.authbench.identity;
