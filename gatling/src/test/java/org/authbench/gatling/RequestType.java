package org.authbench.gatling;

import java.util.Arrays;

/** The request types a virtual user sends; each has its own latency histogram. */
enum RequestType {

	LOGIN("login"), REFRESH("refresh"), ME("me"), ITEMS("items"), WRITE("write");

	private final String tag;

	RequestType(String tag) {
		this.tag = tag;
	}

	String tag() {
		return this.tag;
	}

	static RequestType of(String tag) {
		return Arrays.stream(values()).filter(t -> t.tag.equals(tag)).findFirst().orElseThrow();
	}
}
