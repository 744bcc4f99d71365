package org.authbench.jwt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why jwt-app did not start (weak secret, weak RSA key, unreadable keys file) and what to do. */
class InvalidJwtSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtKeyException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
