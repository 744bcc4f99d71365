package org.authbench.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One catalogue item, as the items endpoints read and write it. */
public record Item(long id, String name, String description, BigDecimal price, List<String> tags, String owner,
		Instant createdAt) {
}
