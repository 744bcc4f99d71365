package org.authbench.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The items of one instance: a fixed seeded catalogue (what a read returns, about 2 KB of
 * JSON) and a bounded list of items written by clients, so a long load run never grows memory.
 */
@Component
class ItemStore {

	static final int CATALOGUE_SIZE = 12;

	private static final int MAX_WRITTEN = 10_000;

	private final List<Item> catalogue;

	private final ConcurrentLinkedDeque<Item> written = new ConcurrentLinkedDeque<>();

	private final AtomicLong ids = new AtomicLong(1000);

	private final AtomicLong writes = new AtomicLong();

	ItemStore() {
		List<Item> seeded = new ArrayList<>();
		Instant created = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 1; i <= CATALOGUE_SIZE; i++) {
			seeded.add(new Item(i, "Catalogue item " + i,
					"A representative product description for item " + i + ", long enough to look like real data.",
					BigDecimal.valueOf(i * 250L + 99, 2), List.of("catalogue", "tier-" + (i % 3)), "system", created));
		}
		this.catalogue = List.copyOf(seeded);
	}

	List<Item> catalogue() {
		return this.catalogue;
	}

	Item add(NewItem item, String owner) {
		Item stored = new Item(this.ids.incrementAndGet(), item.name(), item.description(), item.price(),
				item.tags() == null ? List.of() : List.copyOf(item.tags()), owner, Instant.now());
		this.written.addFirst(stored);
		if (this.writes.incrementAndGet() > MAX_WRITTEN) {
			this.written.pollLast();
		}
		return stored;
	}

	long total() {
		return CATALOGUE_SIZE + this.writes.get();
	}
}
