package org.authbench.api;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.authbench.identity.Identity;
import org.authbench.system.ApiException;
import org.authbench.system.AuthbenchProperties;
import org.authbench.users.UserDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The authenticated resources: who am I, items (read and write), admin statistics. */
@RestController
@RequestMapping("/api")
class ApiController {

	private final ItemStore items;

	private final UserDirectory users;

	private final String instanceId;

	ApiController(ItemStore items, UserDirectory users, AuthbenchProperties settings) {
		this.items = items;
		this.users = users;
		this.instanceId = settings.instanceId();
	}

	@GetMapping("/me")
	Map<String, Object> me(Identity caller) {
		return Map.of("username", caller.username(), "roles", caller.roles(), "instance", this.instanceId);
	}

	@GetMapping("/items")
	Map<String, Object> items(Identity caller) {
		return Map.of("items", this.items.catalogue(), "total", this.items.total(), "instance", this.instanceId);
	}

	@PostMapping("/items")
	ResponseEntity<Item> create(Identity caller, @RequestBody NewItem item) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.items.add(item.validated(), caller.username()));
	}

	/** Authorisation, not just authentication: a plain user gets 403 here, whatever the variant. */
	@GetMapping("/admin/stats")
	Map<String, Object> stats(Identity caller) {
		if (!caller.isAdmin()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "role ADMIN required");
		}
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("instance", this.instanceId);
		stats.put("users", this.users.size());
		stats.put("items", this.items.total());
		stats.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
		return stats;
	}
}
