package org.authbench.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.authbench.identity.CredentialStrategy;
import org.authbench.identity.Identity;
import org.authbench.system.ApiException;
import org.authbench.users.UserDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login and logout, the same for every variant up to the credential: the password check is
 * shared (so its cost is equal everywhere), what is handed out is the variant's
 * {@link CredentialStrategy}.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final UserDirectory users;

	private final CredentialStrategy credentials;

	AuthController(UserDirectory users, CredentialStrategy credentials) {
		this.users = users;
		this.credentials = credentials;
	}

	record Login(String username, String password) {
	}

	@PostMapping("/login")
	Map<String, Object> login(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
		if (login.username() == null || login.password() == null) {
			throw ApiException.badRequest("username and password are required");
		}
		Identity identity = this.users.authenticate(login.username(), login.password())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "bad credentials"));
		return this.credentials.issue(identity, request, response);
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(Identity caller, HttpServletRequest request, HttpServletResponse response) {
		this.credentials.revoke(caller, request, response);
		return ResponseEntity.noContent().build();
	}
}
