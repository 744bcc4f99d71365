package org.authbench.harness.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code revocation.json}: how long a logged-out credential kept working on each instance, as
 * {@link RevocationProbe} measured it. Delays count from the logout's answer to the sending of
 * the first request that was rejected (401); the true moment lies after the last accepted poll
 * ({@link InstanceCheck#lastAcceptedMillis}), so the resolution is one poll interval.
 *
 * <p>The summary figures are over the checks that matter: one per probe and instance that
 * accepted the credential before logout (on the sticky variant only the owning instance does;
 * the others have nothing to revoke).
 *
 * @param schema {@value #SCHEMA}
 * @param variant the variant's id; in a comparison, the configuration's name (see {@link #named})
 * @param lb the nginx mode's id
 * @param revocationMode jwt-app's {@code AUTHBENCH_JWT_REVOCATION} (none, denylist, token-version),
 * null for the session variants
 * @param applicable false for a variant without credential (the baseline): nothing was probed
 * @param probes how many logins were logged out and replayed
 * @param boundMillis how long each instance was polled at most after logout
 * @param pollMillis the interval between two polls of one instance
 * @param checks probes × instances that accepted the credential before logout
 * @param stillAcceptedAtBound how many of those still accepted it when the bound passed
 * @param maxDelayMillis the longest delay, null when any check was still accepted at the bound
 * (or none was made)
 * @param medianDelayMillis the median delay, null likewise
 * @param remainingLifetimeSeconds for bearer tokens the longest time to {@code exp} at logout,
 * that is how long a token nobody revokes keeps working; null for session cookies
 * @param acceptedBeforeLogout per instance, in how many probes it accepted the credential before
 * logout
 * @param verdict one line for a human, e.g. {@code rejected at the first poll (within 0.4 ms, median
 * 0.2 ms) on every instance that accepted it (2 of 2)}, {@code rejected within 1.20 s (median
 * 0.80 s) on every instance that accepted it (2 of 2)}, {@code still accepted after 10 s on every
 * instance that accepted it (2 of 2): until exp, 899 s left} or {@code n/a (no credential)};
 * "2 of 2" counts the instances per probe that accepted the credential before logout, out of all
 * instances
 * @param details every probe
 */
public record RevocationResult(String schema, String variant, String lb, String revocationMode, boolean applicable,
		int probes, long boundMillis, long pollMillis, int checks, int stillAcceptedAtBound, Double maxDelayMillis,
		Double medianDelayMillis, Long remainingLifetimeSeconds, Map<String, Integer> acceptedBeforeLogout,
		String verdict, List<Probe> details) {

	public static final String SCHEMA = "authbench.revocation/1";

	/** The file's name in a result folder. */
	public static final String FILE = "revocation.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** What became of the credential on one instance after logout. */
	public enum Outcome {

		/** Rejected (401) within the bound. */
		REJECTED,

		/** Still accepted when the bound passed. */
		STILL_ACCEPTED,

		/** Not accepted even before logout (a sticky session on another instance): not polled. */
		NEVER_ACCEPTED

	}

	/**
	 * One login, checked on every instance, logged out, replayed.
	 * @param n 1-based
	 * @param username who logged in
	 * @param issuedBy the {@code X-Instance-Id} of the login answer
	 * @param remainingLifetimeSeconds time to the access token's {@code exp} at logout, null for cookies
	 * @param instances one check per instance
	 */
	public record Probe(int n, String username, String issuedBy, Long remainingLifetimeSeconds,
			List<InstanceCheck> instances) {

		public Probe {
			instances = List.copyOf(instances);
		}
	}

	/**
	 * The credential on one instance, requested directly (not through nginx).
	 * @param member the stack member, e.g. {@code app-2}; {@code nginx} in the gateway modes,
	 * where the instances only trust the gateway
	 * @param instance its {@code X-Instance-Id}, e.g. {@code jwt-2}; null for nginx
	 * @param acceptedBeforeLogout whether it answered 200 to the credential before logout
	 * @param outcome what happened after logout
	 * @param delayMillis from the logout's answer to the sending of the first rejected request;
	 * null unless {@link Outcome#REJECTED}
	 * @param lastAcceptedMillis from the logout's answer to the sending of the last request still
	 * accepted after logout, null if there was none
	 * @param polls requests sent after logout
	 */
	public record InstanceCheck(String member, String instance, boolean acceptedBeforeLogout, Outcome outcome,
			Double delayMillis, Double lastAcceptedMillis, int polls) {
	}

	public RevocationResult {
		acceptedBeforeLogout = acceptedBeforeLogout == null ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(acceptedBeforeLogout));
		details = details == null ? List.of() : List.copyOf(details);
	}

	/**
	 * The same result under another name: in a comparison, the configuration's ({@code jwt-none},
	 * {@code clustered-tuned}), so that two configurations of one variant stay apart.
	 */
	public RevocationResult named(String name) {
		return new RevocationResult(this.schema, name, this.lb, this.revocationMode, this.applicable, this.probes,
				this.boundMillis, this.pollMillis, this.checks, this.stillAcceptedAtBound, this.maxDelayMillis,
				this.medianDelayMillis, this.remainingLifetimeSeconds, this.acceptedBeforeLogout, this.verdict,
				this.details);
	}

	/** The result for a variant without credential: nothing to log in with, nothing to revoke. */
	public static RevocationResult notApplicable(String variant, String lb, long boundMillis, long pollMillis) {
		return new RevocationResult(SCHEMA, variant, lb, null, false, 0, boundMillis, pollMillis, 0, 0, null, null,
				null, Map.of(), "n/a (no credential)", List.of());
	}

	/** The summary figures and the verdict of these probes. */
	public static RevocationResult of(String variant, String lb, String revocationMode, long boundMillis,
			long pollMillis, List<Probe> probes) {
		List<InstanceCheck> checked = probes.stream()
			.flatMap(probe -> probe.instances().stream())
			.filter(InstanceCheck::acceptedBeforeLogout)
			.toList();
		int still = (int) checked.stream().filter(check -> check.outcome() == Outcome.STILL_ACCEPTED).count();
		List<Double> delays = checked.stream().map(InstanceCheck::delayMillis).filter(Objects::nonNull).sorted().toList();
		boolean complete = still == 0 && !delays.isEmpty();
		Double max = complete ? delays.get(delays.size() - 1) : null;
		Double median = complete ? median(delays) : null;
		Long remaining = probes.stream()
			.map(Probe::remainingLifetimeSeconds)
			.filter(Objects::nonNull)
			.max(Long::compare)
			.orElse(null);
		Map<String, Integer> accepted = new LinkedHashMap<>();
		probes.stream().flatMap(probe -> probe.instances().stream()).forEach(check -> accepted
			.merge(check.member(), check.acceptedBeforeLogout() ? 1 : 0, Integer::sum));
		boolean firstPoll = checked.stream().allMatch(check -> check.lastAcceptedMillis() == null);
		String verdict = verdict(probes, checked.size(), still, firstPoll, max, median, boundMillis, remaining);
		return new RevocationResult(SCHEMA, variant, lb, revocationMode, true, probes.size(), boundMillis, pollMillis,
				checked.size(), still, max, median, remaining, accepted, verdict, probes);
	}

	private static double median(List<Double> sorted) {
		int n = sorted.size();
		double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return Math.round(median * 10) / 10.0;
	}

	private static String verdict(List<Probe> probes, int checks, int still, boolean firstPoll, Double max,
			Double median, long boundMillis, Long remaining) {
		if (checks == 0) {
			return "not measured: no instance accepted the credential even before logout";
		}
		String scope = " (" + acceptedPerProbe(probes) + ")";
		String untilExp = remaining == null ? "" : ": until exp, " + remaining + " s left";
		if (still == 0) {
			String rejected = firstPoll
					? "rejected at the first poll (within " + duration(max) + ", median " + duration(median) + ")"
					: "rejected within " + duration(max) + " (median " + duration(median) + ")";
			return rejected + " on every instance that accepted it" + scope;
		}
		String bound = "still accepted after " + bound(boundMillis);
		if (still == checks) {
			return bound + " on every instance that accepted it" + scope + untilExp;
		}
		return bound + " in " + still + " of " + checks + " checks" + untilExp;
	}

	/** "2 of 2", or "1-2 of 2" when the probes differ. */
	private static String acceptedPerProbe(List<Probe> probes) {
		var counts = probes.stream()
			.mapToLong(probe -> probe.instances().stream().filter(InstanceCheck::acceptedBeforeLogout).count())
			.summaryStatistics();
		int instances = probes.stream().mapToInt(probe -> probe.instances().size()).max().orElse(0);
		String accepted = counts.getMin() == counts.getMax() ? String.valueOf(counts.getMax())
				: counts.getMin() + "-" + counts.getMax();
		return accepted + " of " + instances;
	}

	/** Milliseconds below a second (a revocation at once takes well under one), else seconds. */
	private static String duration(double millis) {
		return millis < 1000 ? String.format(Locale.ROOT, "%.1f ms", millis)
				: String.format(Locale.ROOT, "%.2f s", millis / 1000);
	}

	private static String bound(long millis) {
		return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	/** Writes {@value #FILE} into {@code dir} (created if missing) and returns the file. */
	public static Path write(RevocationResult result, Path dir) {
		Path file = dir.resolve(FILE);
		try {
			Files.createDirectories(dir);
			Files.writeString(file, JSON.writeValueAsString(result));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/**
	 * Reads {@value #FILE} from {@code dir}.
	 * @throws tools.jackson.core.JacksonException if the file is not a revocation result
	 */
	public static RevocationResult read(Path dir) {
		Path file = dir.resolve(FILE);
		try {
			return JSON.readValue(Files.readString(file), RevocationResult.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/** Who accepted the credential before logout, e.g. {@code app-1 5/5, app-2 5/5}. */
	String acceptedSummary() {
		return this.acceptedBeforeLogout.entrySet()
			.stream()
			.map(entry -> entry.getKey() + " " + entry.getValue() + "/" + this.probes)
			.collect(Collectors.joining(", "));
	}
}
