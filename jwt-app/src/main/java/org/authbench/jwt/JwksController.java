package org.authbench.jwt;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys as a JWK Set, for anyone who verifies tokens without calling jwt-app (a
 * gateway, another service). Open route; HMAC secrets are never published.
 */
@RestController
class JwksController {

	static final String PATH = "/.well-known/jwks.json";

	private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final TokenService tokens;

	JwksController(TokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping(PATH)
	ResponseEntity<String> jwks() {
		return ResponseEntity.ok().contentType(JWK_SET).body(this.tokens.ring().publicJwks());
	}
}
