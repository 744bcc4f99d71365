package org.authbench.jwt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.Identity;

/** Login hands out an access/refresh token pair; logout revokes the access token presented. */
class JwtCredentials implements CredentialStrategy {

	private final TokenService tokens;

	private final Revocations revocations;

	JwtCredentials(TokenService tokens, Revocations revocations) {
		this.tokens = tokens;
		this.revocations = revocations;
	}

	@Override
	public Map<String, Object> issue(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		return pair(identity);
	}

	Map<String, Object> pair(Identity identity) {
		Instant now = Instant.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accessToken", this.tokens.issue(identity, TokenService.Use.ACCESS, now));
		body.put("refreshToken", this.tokens.issue(identity, TokenService.Use.REFRESH, now));
		body.put("tokenType", "Bearer");
		body.put("expiresIn", this.tokens.accessTtl().toSeconds());
		return body;
	}

	@Override
	public void revoke(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(JwtAuthenticationFilter.VERIFIED) instanceof TokenService.Verified token) {
			this.revocations.revoke(token.id(), token.expiresAt());
			return;
		}
		// Trust-gateway mode: the gateway verified the token; it still names what to revoke.
		JwtAuthenticationFilter.bearerToken(request)
			.flatMap(token -> this.tokens.verify(token, TokenService.Use.ACCESS))
			.ifPresent(token -> this.revocations.revoke(token.id(), token.expiresAt()));
	}
}
