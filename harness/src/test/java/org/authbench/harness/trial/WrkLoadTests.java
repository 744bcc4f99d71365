package org.authbench.harness.trial;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WrkLoadTests {

	@Test
	void readsTheScriptsSummaryAndTheGeneratorsCpuFromTimes() {
		String stdout = "Running 2s test @ http://127.0.0.1:8080\n"
				+ "AUTHBENCH_WRK {\"requests\":20000,\"micros\":2000000,\"status\":3,\"connect\":1,\"read\":0,\"write\":0,"
				+ "\"timeout\":2,\"p50\":1500,\"p99\":12000}\n";
		String times = "0m0.002s 0m0.001s\n0m0.412s 0m1.088s\n";

		WrkLoad.Result result = WrkLoad.parse(stdout, times);

		assertThat(result.throughput()).isCloseTo(10_000, within(1e-9));
		assertThat(result.errors()).isEqualTo(6);
		assertThat(result.p99Ms()).isEqualTo(12.0);
		assertThat(result.generatorCpuSeconds()).isCloseTo(1.5, within(1e-9));
	}

	@Test
	void aWrkWithoutTheSummaryIsAnError() {
		assertThatThrownBy(() -> WrkLoad.parse("load.lua:3: '}' expected near '='", ""))
			.hasMessageContaining("no summary");
	}

	@Test
	void theScriptQuotesEveryValueAsALongStringAndPacesOnlyWhenAskedTo() {
		List<WrkLoad.Request> cycle = List.of(new WrkLoad.Request("POST", "/api/items",
				Map.of("Authorization", "Bearer a]]b"), "{\"name\":\"x\"}"));

		String closed = WrkLoad.script(cycle, 2, 32, null);
		String paced = WrkLoad.script(cycle, 2, 32, new WrkLoad.Pacing(1000, Arrivals.FIXED, 7));
		String poisson = WrkLoad.script(cycle, 2, 32, new WrkLoad.Pacing(800, Arrivals.POISSON, -3));

		assertThat(closed).contains("[ [=[Authorization]=] ]=[=[Bearer a]]b]=]").doesNotContain("function delay");
		assertThat(paced).contains("function delay()\n  return 32\n");
		// 32 connections at 800/s: 40 ms on average; a seed that Lua takes as a whole number.
		assertThat(poisson).contains("local mean = 40.000\n")
			.contains("return 0.5 - mean * math.log(1 - math.random())")
			.contains("local seed = " + ((1L << 31) - 3) + "\n");
	}
}
