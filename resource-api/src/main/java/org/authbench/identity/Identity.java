package org.authbench.identity;

import java.util.List;

/**
 * The caller of an API request, as the variant's credential says.
 *
 * @param username the user name from the directory
 * @param roles role names without prefix, e.g. {@code USER}, {@code ADMIN}
 */
public record Identity(String username, List<String> roles) {

	public static final String ADMIN = "ADMIN";

	public static final String USER = "USER";

	public Identity {
		roles = List.copyOf(roles);
	}

	public boolean isAdmin() {
		return roles.contains(ADMIN);
	}
}
