package org.authbench.jwt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Trust-gateway mode ({@code authbench.gateway.*}), for an nginx gateway that verifies tokens
 * itself and forwards the caller as {@code X-User}/{@code X-Roles}.
 *
 * @param trust when true, API requests are authenticated only from the gateway's headers, and
 * only when they carry the shared secret; a bearer token sent straight to the instance is ignored
 * @param secret the value the gateway sends in {@code X-Gateway-Secret}, at least 32 characters
 */
@ConfigurationProperties("authbench.gateway")
public record GatewayProperties(boolean trust, String secret) {

	static final int MIN_SECRET_LENGTH = 32;

	public GatewayProperties {
		if (trust && (secret == null || secret.length() < MIN_SECRET_LENGTH)) {
			throw new IllegalArgumentException("authbench.gateway.trust=true needs AUTHBENCH_JWT_GATEWAY_SECRET "
					+ "(authbench.gateway.secret) of at least " + MIN_SECRET_LENGTH + " characters");
		}
	}
}
