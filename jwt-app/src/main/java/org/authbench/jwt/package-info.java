/** The JWT variant: stateless access tokens verified on every request, refresh tokens, the gateway authorizer. */
package org.authbench.jwt;
