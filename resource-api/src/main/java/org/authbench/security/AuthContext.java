package org.authbench.security;

import java.io.Serializable;
import java.util.List;

import org.authbench.identity.Identity;

/**
 * The auth context of docs/design.md §3: what a session variant keeps server-side for a caller (as the
 * details of the authentication in the security context, so on the clustered variant it
 * travels to and from Redis with every session read), and what a token would carry. Its size
 * is the knob {@code authbench.auth-context-bytes}: the roles plus that many bytes of padding.
 *
 * @param roles the caller's roles
 * @param padding {@code authbench.auth-context-bytes} ASCII characters, empty by default
 */
public record AuthContext(List<String> roles, String padding) implements Serializable {

	public AuthContext {
		roles = List.copyOf(roles);
	}

	static AuthContext of(Identity identity, int paddingBytes) {
		return new AuthContext(identity.roles(), padding(paddingBytes));
	}

	/** {@code bytes} ASCII characters (one byte each in UTF-8, JDK serialization and JSON). */
	public static String padding(int bytes) {
		return "x".repeat(bytes);
	}
}
