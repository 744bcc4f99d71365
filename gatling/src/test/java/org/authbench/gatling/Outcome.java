package org.authbench.gatling;

/**
 * The class of one request's result (docs/metrics.md). A 401 on a call made with a credential that
 * was valid, not logged out and not expired is {@link #AUTH_LOST}: the session was lost.
 */
enum Outcome {

	/** 2xx, or the 4xx the call expects. */
	OK,
	/** 401 although the credential was valid: the server no longer knows the session. */
	AUTH_LOST,
	/** Another 4xx than expected (e.g. 403 CSRF, 400): a client-side or contract problem. */
	CLIENT_ERROR,
	/** 5xx, e.g. 502 from nginx, 503 while Redis is down. */
	SERVER_ERROR,
	/** No HTTP answer at all: connection refused or reset, timeout. */
	CONNECT_ERROR;

	static Outcome of(Integer status, RequestType type) {
		if (status == null) {
			return CONNECT_ERROR;
		}
		if (status >= 500) {
			return SERVER_ERROR;
		}
		if (status == 401) {
			// A refused login is a wrong password; a refused refresh ends in a new login, counted as a lost session.
			return type == RequestType.LOGIN ? CLIENT_ERROR : AUTH_LOST;
		}
		if (status >= 400) {
			return CLIENT_ERROR;
		}
		return OK;
	}

	/** camelCase name used in timeline.json, e.g. {@code authLost}. */
	String key() {
		String[] words = name().toLowerCase().split("_");
		return words.length == 1 ? words[0] : words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
	}
}
