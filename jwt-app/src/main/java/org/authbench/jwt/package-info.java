/**
 * The JWT variant: stateless access tokens verified on every request (keys by kid, algorithm
 * pinned per key, rotation through a shared keys file), refresh-token families and revocation
 * modes in Redis, the JWKS endpoint and the gateway authorizer.
 */
package org.authbench.jwt;
