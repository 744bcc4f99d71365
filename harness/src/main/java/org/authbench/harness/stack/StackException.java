package org.authbench.harness.stack;

/** A stack could not be started, checked or changed; the message says why, for the user. */
public class StackException extends RuntimeException {

	public StackException(String message) {
		super(message);
	}

	public StackException(String message, Throwable cause) {
		super(message, cause);
	}
}
