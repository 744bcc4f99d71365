/**
 * Spring Security wiring shared by the variants that authenticate (needs
 * {@code spring-boot-starter-security}; the baseline does not load this package).
 */
package org.authbench.security;
