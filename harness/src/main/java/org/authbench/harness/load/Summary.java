package org.authbench.harness.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.authbench.harness.drill.DrillReport;
import org.authbench.harness.metrics.Statistics;

/**
 * {@code summary.json}: the harness's own, stable schema (documented in the README). Every
 * repeat's figures, the drill reports, and for the key figures the median and 95% confidence
 * interval over the repeats.
 *
 * @param schema {@value #SCHEMA}
 * @param name the run's name
 * @param createdAt ISO-8601
 * @param settings every setting of the run
 * @param valid false when any repeat was invalid, or a drill hit an instance that served no user ({@link DrillReport#invalidity})
 * @param warnings every warning of every repeat, prefixed with its repeat
 * @param figures the key figures over the repeats
 * @param repeats each repeat's figures
 * @param drills each repeat's drill report (empty without a drill)
 */
public record Summary(String schema, String name, String createdAt, Map<String, Object> settings, boolean valid,
		List<String> warnings, Map<String, Statistics> figures, List<RunFigures> repeats, List<DrillReport> drills) {

	public static final String SCHEMA = "authbench.run/1";

	/** The key figures aggregated over repeats, by name. */
	static final Map<String, Function<RunFigures, Double>> KEY_FIGURES = keyFigures();

	private static Map<String, Function<RunFigures, Double>> keyFigures() {
		Map<String, Function<RunFigures, Double>> figures = new LinkedHashMap<>();
		figures.put("throughput", RunFigures::throughput);
		figures.put("okThroughput", RunFigures::okThroughput);
		figures.put("latencyP50Ms", f -> f.latency().p50());
		figures.put("latencyP90Ms", f -> f.latency().p90());
		figures.put("latencyP99Ms", f -> f.latency().p99());
		figures.put("latencyP999Ms", f -> f.latency().p999());
		figures.put("latencyMaxMs", f -> f.latency().max());
		figures.put("cpuMicrosPerRequest", f -> f.cpu().systemMicrosPerRequest());
		figures.put("redisCommandsPerRequest", f -> f.redis() == null ? null : f.redis().perRequest());
		figures.put("redisBytesPerRequest", f -> f.redis() == null ? null : f.redis().bytesPerRequest());
		figures.put("bytesSentPerRequest", f -> f.bytes() == null ? null : f.bytes().sentPerRequest());
		figures.put("bytesReceivedPerRequest", f -> f.bytes() == null ? null : f.bytes().receivedPerRequest());
		figures.put("loadGeneratorShare", f -> f.cpu().loadGeneratorShare());
		return figures;
	}

	static Summary of(String name, String createdAt, Map<String, Object> settings, List<RunFigures> repeats,
			List<DrillReport> drills) {
		Map<String, Statistics> figures = new LinkedHashMap<>();
		KEY_FIGURES.forEach((key, figure) -> {
			List<Double> values = repeats.stream().map(figure).filter(Objects::nonNull).toList();
			if (!values.isEmpty()) {
				figures.put(key, Statistics.of(values));
			}
		});
		List<String> warnings = new ArrayList<>();
		for (int i = 0; i < repeats.size(); i++) {
			for (String warning : repeats.get(i).warnings()) {
				warnings.add("repeat " + (i + 1) + ": " + warning);
			}
		}
		List<String> drillProblems = drills.stream().flatMap(drill -> drill.invalidity().stream()).toList();
		warnings.addAll(drillProblems);
		boolean valid = repeats.stream().allMatch(RunFigures::valid) && drillProblems.isEmpty();
		return new Summary(SCHEMA, name, createdAt, settings, valid, warnings, figures, repeats, drills);
	}
}
