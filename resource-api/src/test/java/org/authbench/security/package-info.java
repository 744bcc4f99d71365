/** The security cases every session variant must pass, written once (SECURITY-CASES.md 18, 19). */
package org.authbench.security;
