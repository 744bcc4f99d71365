package org.authbench.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a variant tells who sent a request. Each variant registers exactly one bean.
 * An empty answer means "not authenticated" and becomes a 401 JSON response.
 */
public interface IdentityResolver {

	Optional<Identity> resolve(HttpServletRequest request);
}
