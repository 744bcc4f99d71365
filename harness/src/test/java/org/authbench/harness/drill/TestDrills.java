package org.authbench.harness.drill;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.authbench.harness.load.LoadRun;
import org.authbench.harness.load.LoadSpec;
import org.authbench.harness.load.Scenario;
import org.authbench.harness.stack.StackSpec;
import org.authbench.harness.stack.TestStacks;
import org.authbench.harness.stack.Variant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The drill tests' load: a steady open load of 150 requests/s from 30 users, after a short warm-up. */
final class TestDrills {

	private TestDrills() {
	}

	/** The drill under the tests' steady load, its results in a temporary folder. */
	static LoadSpec load(StackSpec stack, Duration measured, String name, Drill drill) {
		return new LoadSpec(stack, Scenario.STEADY, List.of(150), measured, 30, Duration.ofSeconds(2),
				Duration.ofSeconds(4), "me=40,items=40,write=20", 1, TestStacks.tempDir(), name, drill);
	}

	/**
	 * Runs a drill on a fresh test stack of the variant ({@code native} or {@code docker}), the
	 * instances given extra environment as name, value pairs, and returns its incidents.
	 */
	static JsonNode incidents(String runtime, Variant variant, int instances, String timeline, Duration measured,
			String... appEnv) {
		return summary(runtime, variant, instances, timeline, measured, appEnv).get("drills").get(0).get("incidents");
	}

	/** As {@link #incidents}, the run's whole {@code summary.json}; prints the drill's incidents for the test's log. */
	static JsonNode summary(String runtime, Variant variant, int instances, String timeline, Duration measured,
			String... appEnv) {
		StackSpec.Builder builder = TestStacks.spec(variant, instances);
		for (int i = 0; i < appEnv.length; i += 2) {
			builder.appEnv(appEnv[i], appEnv[i + 1]);
		}
		String name = ("docker".equals(runtime) ? "docker-drill-" : "drill-") + variant.id();
		LoadSpec spec = load(builder.build(), measured, name, Drill.parse(timeline));
		Path dir = new LoadRun(new PrintWriter(System.out, true), TestStacks.home(), runtime).run(spec);
		JsonNode summary = JsonMapper.builder().build().readTree(dir.resolve("summary.json").toFile());
		System.out.println("incidents: " + summary.get("drills").get(0).get("incidents"));
		return summary;
	}
}
