package org.authbench.jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the keys file when it changes, so a rotation needs no restart: every
 * {@code authbench.jwt.keys-reload} it compares the file's modification time and, when it
 * moved, loads the new ring. A file that does not load (half-written, weak key, wrong
 * algorithm) is logged and ignored: the instance keeps its keys.
 */
final class KeysFileWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KeysFileWatcher.class);

	private final KeyRingSource source;

	private final TokenService tokens;

	private final Path file;

	private final ScheduledExecutorService scheduler;

	private FileTime seen;

	/** Watches the source's keys file, if it has one; otherwise does nothing. */
	KeysFileWatcher(KeyRingSource source, TokenService tokens, Duration interval) {
		this.source = source;
		this.tokens = tokens;
		this.file = source.file().orElse(null);
		if (this.file == null) {
			this.scheduler = null;
			return;
		}
		this.seen = modified();
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "jwt-keys-reload");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(interval.toMillis(), 10);
		this.scheduler.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void check() {
		FileTime modified = modified();
		if (modified == null || modified.equals(this.seen)) {
			return;
		}
		try {
			KeyRing ring = this.source.load();
			this.tokens.use(ring);
			this.seen = modified;
			log.info("JWT keys reloaded from {}: active {}, keys {}", this.file, ring.active().kid(), ring.kids());
		}
		catch (RuntimeException ex) {
			log.error("JWT keys file {} changed but was not loaded, keeping the current keys: {}", this.file,
					ex.getMessage());
			this.seen = modified;
		}
	}

	private FileTime modified() {
		try {
			return Files.getLastModifiedTime(this.file);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}
}
