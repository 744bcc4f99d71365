package org.authbench.jwt;

import org.authbench.system.ApiException;
import org.authbench.users.UserDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An administrator's forced logout of a user (the route is ADMIN-only, like all of {@code /api/admin/**}). */
@RestController
class AdminController {

	private final UserDirectory users;

	private final JwtCredentials credentials;

	AdminController(UserDirectory users, JwtCredentials credentials) {
		this.users = users;
		this.credentials = credentials;
	}

	@PostMapping("/api/admin/users/{username}/logout")
	ResponseEntity<Void> forceLogout(@PathVariable String username) {
		this.users.find(username).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no such user: " + username));
		this.credentials.revokeUser(username);
		return ResponseEntity.noContent().build();
	}
}
