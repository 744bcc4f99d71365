package org.authbench.harness.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running stack as written to {@code <run folder>/stack.json}, so that {@code down},
 * {@code status}, {@code chaos} and {@code verify} work from another terminal. The file holds
 * the instances' secrets (their environment) and is readable by its owner only.
 *
 * @param variant the variant's id
 * @param lb the nginx mode's id
 * @param port nginx's port
 * @param runDir the run folder
 * @param startTimeoutSeconds how long {@code chaos start} waits for health
 * @param members every process, in start order
 */
public record StackState(String variant, String lb, int port, String runDir, long startTimeoutSeconds,
		List<Member> members) {

	static final String FILE = "stack.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public StackState {
		members = List.copyOf(members);
	}

	public static Path file(Path runDir) {
		return runDir.resolve(FILE);
	}

	/** The state of the stack whose run folder this is, if one was started and not brought down. */
	public static Optional<StackState> load(Path runDir) {
		Path file = file(runDir);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(file), StackState.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	public Variant variantType() {
		return Variant.parse(this.variant);
	}

	public LbMode lbMode() {
		return LbMode.parse(this.lb);
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public Optional<Member> member(String name) {
		return this.members.stream().filter(member -> member.name().equals(name)).findFirst();
	}

	public List<Member> apps() {
		return this.members.stream().filter(member -> member.role() == Member.Role.APP).toList();
	}

	/** The member {@code chaos} may act on ({@code app-N} or {@code redis}), or an error naming those there are. */
	Member chaosTarget(String target) {
		return member(target).filter(candidate -> candidate.role() != Member.Role.NGINX)
			.orElseThrow(() -> new StackException("no '" + target + "' in this stack; targets: "
					+ String.join(", ", this.members.stream()
						.filter(m -> m.role() != Member.Role.NGINX)
						.map(Member::name)
						.toList())));
	}

	/**
	 * The port of the Redis the apps write to, if it runs: the one redis-server, or with Sentinel
	 * the primary a Sentinel names now.
	 */
	public Optional<Integer> redisPort() {
		if (RedisHa.isHa(this)) {
			return RedisHa.primary(this).map(RedisHa.Primary::port);
		}
		return member("redis").map(Member::port);
	}

	/**
	 * The Redis primary as a Sentinel names it now, with Redis HA ({@link StackSpec#redisHa});
	 * empty without Sentinels or when none answers.
	 * @return e.g. {@code redis-2 on port 6490 (per sentinel-1)}
	 */
	public Optional<String> redisPrimary() {
		if (!RedisHa.isHa(this)) {
			return Optional.empty();
		}
		return RedisHa.primary(this)
			.map(primary -> "%s on port %d (per %s)".formatted(primary.name(), primary.port(), primary.by()));
	}

	/** Whether the stack has Redis (one redis-server, or a primary with its replica and Sentinels). */
	public boolean hasRedis() {
		return this.members.stream().anyMatch(member -> member.role() == Member.Role.REDIS);
	}

	StackState with(Member changed) {
		List<Member> updated = new ArrayList<>();
		boolean replaced = false;
		for (Member member : this.members) {
			boolean same = member.name().equals(changed.name());
			updated.add(same ? changed : member);
			replaced |= same;
		}
		if (!replaced) {
			updated.add(changed);
		}
		return new StackState(this.variant, this.lb, this.port, this.runDir, this.startTimeoutSeconds, updated);
	}

	/** Writes the file atomically, owner-only (it holds secrets). */
	void save() {
		Path file = file(Path.of(this.runDir));
		try {
			Path tmp = Files.createTempFile(file.getParent(), "stack", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(tmp, JSON.writeValueAsString(this));
			try {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(file(Path.of(this.runDir)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
