package org.authbench.harness.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What must hold before {@code up} starts anything: no stack already running from the run
 * folder, the JDK, the app jar and the OS programs present, every port free, the rendered nginx
 * config accepted by {@code nginx -t}. Each failure says what to do.
 */
final class Preflight {

	private Preflight() {
	}

	static void check(StackSpec spec) {
		StackState.load(spec.runDir()).ifPresent(existing -> {
			if (existing.members().stream().anyMatch(Processes::isAlive)) {
				throw new StackException("a stack is already running from " + spec.runDir() + " (" + existing.variant()
						+ ", nginx on port " + existing.port() + "); run 'authbench down' first");
			}
			existing.delete();
		});
		if (!Files.isExecutable(spec.javaBinary())) {
			throw new StackException("no java at " + spec.javaBinary() + " (--java-home " + spec.javaHome() + ")");
		}
		if (!Files.isRegularFile(spec.appJar())) {
			throw new StackException(spec.appJar() + " is missing: build it with ./mvnw -B -DskipTests package");
		}
		Binaries.require("nginx", "nginx");
		if (spec.variant().usesRedis()) {
			Binaries.require("redis-server", "redis-server");
		}
		if (spec.lb() == LbMode.GATEWAY_NJS) {
			Binaries.requireNjs();
		}
		Set<Integer> seen = new HashSet<>();
		requirePort(seen, spec.port(), "nginx");
		for (int n = 1; n <= spec.instances(); n++) {
			requirePort(seen, spec.appPorts().get(n - 1), "app-" + n);
		}
		if (spec.variant().usesRedis()) {
			requirePort(seen, spec.redisPort(), spec.redisHa() ? RedisHa.dataNode(1) : "redis");
		}
		if (spec.redisHa()) {
			requirePort(seen, spec.replicaPort(), RedisHa.dataNode(2));
			for (int n = 1; n <= StackSpec.SENTINELS; n++) {
				requirePort(seen, spec.sentinelPorts().get(n - 1), RedisHa.sentinel(n));
			}
		}
	}

	private static void requirePort(Set<Integer> seen, int port, String what) {
		if (!seen.add(port)) {
			throw new StackException("port " + port + " is given twice (again for " + what + ")");
		}
		Ports.requireFree(port, what);
	}

	static void testNginxConfig(List<String> command) {
		try {
			Process test = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (test.waitFor() != 0) {
				throw new StackException("nginx rejected the rendered config:" + System.lineSeparator() + output.trim());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted", ex);
		}
	}

}
