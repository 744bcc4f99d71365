package org.authbench.users;

import java.util.List;
import java.util.Optional;

import org.authbench.identity.Identity;
import org.authbench.system.AuthbenchProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The seeded users: {@code user0001} … {@code userNNNN} with role USER, and {@code admin}
 * with roles ADMIN and USER, all with the configured password.
 *
 * <p>The password is hashed once with BCrypt at the configured cost and that hash is shared
 * by every user: hashing thousands of users at start-up would take minutes, and the cost of
 * checking a password (what a login run measures) is the same. An unknown user name is checked
 * against the same hash so that it answers like a wrong password, in about the same time.
 */
public final class UserDirectory {

	public static final String ADMIN_NAME = "admin";

	private final int count;

	private final BCryptPasswordEncoder encoder;

	private final String passwordHash;

	private final int hashCost;

	public UserDirectory(AuthbenchProperties.Users settings) {
		this.count = settings.count();
		this.hashCost = settings.hashCost();
		this.encoder = new BCryptPasswordEncoder(settings.hashCost());
		this.passwordHash = this.encoder.encode(settings.password());
	}

	/** The user name of seeded user {@code n} (1-based), e.g. {@code user0001}. */
	public static String userName(int n) {
		return "user%04d".formatted(n);
	}

	/** Checks a password; an unknown user and a wrong password give the same empty answer. */
	public Optional<Identity> authenticate(String username, String password) {
		Optional<Identity> user = find(username);
		boolean matches = this.encoder.matches(password == null ? "" : password, this.passwordHash);
		return matches ? user : Optional.empty();
	}

	public Optional<Identity> find(String username) {
		if (ADMIN_NAME.equals(username)) {
			return Optional.of(new Identity(ADMIN_NAME, List.of(Identity.ADMIN, Identity.USER)));
		}
		if (username != null && username.matches("user\\d{4,}")) {
			int n = Integer.parseInt(username.substring(4));
			if (n >= 1 && n <= this.count && userName(n).equals(username)) {
				return Optional.of(new Identity(username, List.of(Identity.USER)));
			}
		}
		return Optional.empty();
	}

	/** Number of users, the admin included. */
	public int size() {
		return this.count + 1;
	}

	public int hashCost() {
		return this.hashCost;
	}
}
