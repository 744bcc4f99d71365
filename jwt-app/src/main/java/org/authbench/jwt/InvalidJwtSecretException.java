package org.authbench.jwt;

/** The configured HMAC secret is missing, not base64, or too short; the app refuses to start. */
class InvalidJwtSecretException extends RuntimeException {

	InvalidJwtSecretException(String message) {
		super(message);
	}
}
