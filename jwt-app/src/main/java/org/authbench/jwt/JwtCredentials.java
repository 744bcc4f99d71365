package org.authbench.jwt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.Identity;
import org.authbench.system.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Login hands out an access/refresh token pair and starts its refresh family; refresh rotates
 * the family; logout ends the family and revokes the access token presented (as far as the
 * revocation mode can); a forced logout does both for every family of a user. The access
 * token names its family ({@code fid}), so logout needs no body.
 */
class JwtCredentials implements CredentialStrategy {

	private final TokenService tokens;

	private final RefreshFamilies families;

	private final Revocations revocations;

	JwtCredentials(TokenService tokens, RefreshFamilies families, Revocations revocations) {
		this.tokens = tokens;
		this.families = families;
		this.revocations = revocations;
	}

	@Override
	public Map<String, Object> issue(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		String family = UUID.randomUUID().toString();
		Instant now = Instant.now();
		Long version = this.revocations.version(identity.username());
		TokenService.Issued access = this.tokens.issue(identity, TokenService.Use.ACCESS, now, family, version);
		TokenService.Issued refresh = this.tokens.issue(identity, TokenService.Use.REFRESH, now, family, null);
		this.families.start(identity.username(), family, refresh.id(), access);
		return body(access, refresh);
	}

	/** Trades a verified refresh token for a new pair, or ends its family if it was used before. */
	Map<String, Object> refresh(TokenService.Verified presented) {
		Identity identity = presented.identity();
		Instant now = Instant.now();
		Long version = this.revocations.version(identity.username());
		TokenService.Issued access = this.tokens.issue(identity, TokenService.Use.ACCESS, now, presented.family(),
				version);
		TokenService.Issued refresh = this.tokens.issue(identity, TokenService.Use.REFRESH, now, presented.family(),
				null);
		RefreshFamilies.Outcome outcome = this.families.rotate(presented, refresh.id(), access);
		return switch (outcome.rotation()) {
			case ROTATED -> body(access, refresh);
			case REUSED -> {
				this.revocations.revoke(outcome.lastAccess());
				throw new ApiException(HttpStatus.UNAUTHORIZED,
						"refresh token reuse detected: its token family is revoked, log in again");
			}
			case ENDED -> throw new ApiException(HttpStatus.UNAUTHORIZED, "refresh token revoked or expired");
		};
	}

	@Override
	public void revoke(Identity identity, HttpServletRequest request, HttpServletResponse response) {
		// In trust-gateway mode the gateway verified the token, but it still names what to revoke.
		Optional<TokenService.Verified> verified = JwtAuthenticationFilter.verified()
			.or(() -> JwtAuthenticationFilter.bearerToken(request)
				.flatMap(bearer -> this.tokens.verify(bearer, TokenService.Use.ACCESS)));
		verified.ifPresent(token -> {
			this.families.end(token.identity().username(), token.family());
			this.revocations.revoke(token);
		});
	}

	/** An administrator's forced logout: every refresh family of the user ends, and its access tokens as far as the mode can. */
	void revokeUser(String username) {
		this.revocations.revokeUser(username, this.families.endAll(username));
	}

	private Map<String, Object> body(TokenService.Issued access, TokenService.Issued refresh) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accessToken", access.token());
		body.put("refreshToken", refresh.token());
		body.put("tokenType", "Bearer");
		body.put("expiresIn", this.tokens.accessTtl().toSeconds());
		return body;
	}
}
