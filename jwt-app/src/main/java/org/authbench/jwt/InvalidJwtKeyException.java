package org.authbench.jwt;

/** The configured signing keys are missing, unreadable or too weak; the app refuses to start. */
class InvalidJwtKeyException extends RuntimeException {

	private final String action;

	InvalidJwtKeyException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What the operator should do about it. */
	String action() {
		return this.action;
	}
}
