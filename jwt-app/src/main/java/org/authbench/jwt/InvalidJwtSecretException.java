package org.authbench.jwt;

/** The configured HMAC secret is missing, not base64, or too short; the app refuses to start. */
class InvalidJwtSecretException extends InvalidJwtKeyException {

	InvalidJwtSecretException(String message) {
		super(message, "Set AUTHBENCH_JWT_SECRET to at least 32 random bytes in base64, the same on every instance, "
				+ "for example: export AUTHBENCH_JWT_SECRET=$(openssl rand -base64 32); "
				+ "or give a keys file (AUTHBENCH_JWT_KEYS, see 'java -jar jwt-app.jar keys').");
	}
}
