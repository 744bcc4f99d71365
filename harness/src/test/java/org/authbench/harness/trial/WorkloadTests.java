package org.authbench.harness.trial;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTests {

	@Test
	void theMixBecomesTenSpreadSlots() {
		assertThat(Workload.slots(TrialSettings.defaultMix())).containsExactly("me", "items", "write", "me", "items",
				"write", "me", "items", "me", "items");
	}

	@Test
	void aMixMustAddUpToAHundredInTens() {
		assertThatThrownBy(() -> TrialSettings.parseMix("me=45,items=55")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("tens");
		assertThatThrownBy(() -> TrialSettings.parseMix("admin=100")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("kinds");
	}

	@Test
	void everyUserMeetsEveryKindOfRequestAndOnlyWritesCarryTheCsrfToken() {
		List<Map<String, String>> users = List.of(Map.of("Cookie", "JSESSIONID=a", "X-XSRF-TOKEN", "ta"),
				Map.of("Cookie", "JSESSIONID=b", "X-XSRF-TOKEN", "tb"), Map.of("Cookie", "JSESSIONID=c", "X-XSRF-TOKEN", "tc"));

		List<WrkLoad.Request> cycle = Workload.cycle(users, TrialSettings.defaultMix());

		assertThat(cycle).hasSize(30);
		assertThat(cycle).filteredOn(r -> r.method().equals("POST"))
			.hasSize(6)
			.allSatisfy(r -> assertThat(r.headers()).containsKeys("X-XSRF-TOKEN", "Content-Type"));
		assertThat(cycle).filteredOn(r -> r.method().equals("GET"))
			.allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("X-XSRF-TOKEN"));
		for (String cookie : List.of("JSESSIONID=a", "JSESSIONID=b", "JSESSIONID=c")) {
			assertThat(cycle).filteredOn(r -> r.headers().get("Cookie").equals(cookie))
				.extracting(WrkLoad.Request::path)
				.contains("/api/me", "/api/items");
		}
	}

	@Test
	void anExternalTargetServesOnlyTheItems() {
		TrialTarget reference = TrialTarget.external("reference", "http://127.0.0.1:18090/", Map.of());

		assertThat(reference.baseUrl()).isEqualTo("http://127.0.0.1:18090");
		assertThatThrownBy(() -> new Workload(reference, TrialSettings.defaultMix(), 4))
			.hasMessageContaining("--mix items=100");
	}
}
