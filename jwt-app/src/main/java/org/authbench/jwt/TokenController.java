package org.authbench.jwt;

import java.util.Map;

import org.authbench.identity.Identity;
import org.authbench.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JWT-only endpoints: refresh, and the authorizer an nginx gateway asks before routing. */
@RestController
@RequestMapping("/api/auth")
class TokenController {

	private final TokenService tokens;

	private final JwtCredentials credentials;

	TokenController(TokenService tokens, JwtCredentials credentials) {
		this.tokens = tokens;
		this.credentials = credentials;
	}

	record Refresh(String refreshToken) {
	}

	/**
	 * Trades a refresh token for a new pair. Refresh tokens rotate: each works once, and
	 * presenting one a second time revokes its whole family (see {@link RefreshFamilies}).
	 */
	@PostMapping("/refresh")
	Map<String, Object> refresh(@RequestBody Refresh body) {
		TokenService.Verified refresh = this.tokens.verify(body.refreshToken(), TokenService.Use.REFRESH)
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid or expired refresh token"));
		return this.credentials.refresh(refresh);
	}

	/**
	 * For nginx {@code auth_request}: 200 with the identity as headers when the bearer token
	 * holds (the filter has verified it by now), 401 otherwise.
	 */
	@GetMapping("/authorize")
	ResponseEntity<Void> authorize(Identity caller) {
		return ResponseEntity.ok()
			.header("X-User", caller.username())
			.header("X-Roles", String.join(",", caller.roles()))
			.build();
	}
}
