package org.authbench.jwt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why jwt-app did not start and how to give it a usable secret. */
class InvalidJwtSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtSecretException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set AUTHBENCH_JWT_SECRET to at least 32 random bytes in base64, the same on every instance, "
						+ "for example: export AUTHBENCH_JWT_SECRET=$(openssl rand -base64 32)",
				cause);
	}
}
