package org.authbench.api;

import java.math.BigDecimal;
import java.util.List;

import org.authbench.system.ApiException;

/** The body of {@code POST /api/items}; invalid values are a 400 with the reason. */
record NewItem(String name, String description, BigDecimal price, List<String> tags) {

	NewItem validated() {
		if (this.name == null || this.name.isBlank() || this.name.length() > 100) {
			throw ApiException.badRequest("name is required, 1 to 100 characters");
		}
		if (this.description != null && this.description.length() > 1000) {
			throw ApiException.badRequest("description has at most 1000 characters");
		}
		if (this.price == null || this.price.signum() < 0 || this.price.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
			throw ApiException.badRequest("price is required, between 0 and 1000000");
		}
		if (this.tags != null && (this.tags.size() > 10 || this.tags.stream().anyMatch(t -> t == null || t.length() > 30))) {
			throw ApiException.badRequest("at most 10 tags of at most 30 characters");
		}
		return this;
	}
}
