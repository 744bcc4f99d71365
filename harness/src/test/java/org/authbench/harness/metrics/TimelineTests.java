package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.authbench.harness.metrics.Timeline.Second;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTests {

	static final long T0 = 1_795_000_000_000L;

	private static Timeline errorsAt(long... errors) {
		List<Second> seconds = new ArrayList<>();
		for (int s = 0; s < errors.length; s++) {
			seconds.add(new Second(s, T0 + s * 1000L, 100, 0, 0, errors[s], 0, 0, Map.of("app-1", (long) s)));
		}
		return new Timeline(seconds);
	}

	@Test
	void readsTheSimulationsFile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("timeline.json");
		Files.writeString(file, """
				[{"second":0,"epochMillis":1000,"ok":5,"authLost":1,"clientError":0,"serverError":2,"connectError":3,"relogins":1},
				 {"second":1,"epochMillis":2000,"ok":7,"authLost":0,"clientError":1,"serverError":0,"connectError":0,"relogins":0}]
				""");

		Timeline timeline = Timeline.read(file);
		Second total = timeline.totals(0, 10_000);

		assertThat(timeline.seconds()).hasSize(2);
		assertThat(total.ok()).isEqualTo(12);
		assertThat(total.authLost()).isEqualTo(1);
		assertThat(total.errors()).isEqualTo(7);
		assertThat(total.requests()).isEqualTo(19);
		assertThat(total.relogins()).isEqualTo(1);
	}

	@Test
	void totalsCoverHalfOpenWindows() {
		Timeline timeline = errorsAt(1, 2, 3, 4);

		assertThat(timeline.totals(T0 + 1000, T0 + 3000).serverError()).isEqualTo(5);
		assertThat(timeline.totals(T0, T0 + 1000).ok()).isEqualTo(100);
	}

	@Test
	void recoveryEndsWhenErrorsStayAtZeroForThreeSeconds() {
		// event at second 2; errors in 2, 3 and 5; quiet from 6 on.
		Timeline timeline = errorsAt(0, 0, 4, 9, 0, 1, 0, 0, 0, 0);

		assertThat(timeline.recoveryMillis(T0 + 2000, 3)).hasValue(4000);
	}

	@Test
	void usersByInstanceIsTheLastSnapshotBeforeAnEvent() {
		Timeline timeline = errorsAt(0, 0, 0, 0);

		assertThat(timeline.usersByInstanceBefore(T0 + 2500)).containsEntry("app-1", 1L);
	}

	@Test
	void aSnapshotTakenAfterTheEventIsNotTheOneBeforeItWhateverItsSecond() {
		// The tick of second 1 (ending at T0 + 2000) ran 300 ms late, after an event at T0 + 2007:
		// app-3's users were served by the others by then.
		Timeline timeline = new Timeline(List.of(
				new Second(0, T0, 100, 0, 0, 0, 0, 0, Map.of("app-1", 5L, "app-3", 4L), T0 + 1010),
				new Second(1, T0 + 1000, 100, 0, 0, 0, 0, 0, Map.of("app-1", 9L), T0 + 2300),
				new Second(2, T0 + 2000, 100, 4, 0, 0, 0, 4, Map.of("app-1", 9L), T0 + 3001)));

		assertThat(timeline.usersByInstanceBefore(T0 + 2007)).containsExactlyInAnyOrderEntriesOf(
				Map.of("app-1", 5L, "app-3", 4L));
		assertThat(timeline.usersByInstanceBefore(T0 + 2400)).containsOnlyKeys("app-1");
	}

	@Test
	void aWindowStartingAtAnEventStartsWithItsSecond() {
		Timeline timeline = errorsAt(0, 5, 0);

		assertThat(timeline.bucketStart(T0 + 1400)).isEqualTo(T0 + 1000);
		assertThat(timeline.totals(timeline.bucketStart(T0 + 1400), T0 + 3000).serverError()).isEqualTo(5);
	}

	@Test
	void noRecoveryWhenErrorsNeverStop() {
		assertThat(errorsAt(0, 1, 1, 1, 0, 0).recoveryMillis(T0 + 1000, 3)).isEmpty();
	}

	@Test
	void anEventWithoutErrorsRecoversAtOnce() {
		assertThat(errorsAt(0, 0, 0, 0, 0).recoveryMillis(T0 + 1500, 3)).hasValue(0);
	}

	@Test
	void alignUpGivesTheEdgesOfTheWholeSecondsThatTotalsCounts() {
		Timeline timeline = errorsAt(0, 0, 0, 0);

		assertThat(timeline.alignUp(T0 + 1000)).isEqualTo(T0 + 1000);
		assertThat(timeline.alignUp(T0 + 1001)).isEqualTo(T0 + 2000);
		assertThat(timeline.alignUp(T0 + 2500)).isEqualTo(T0 + 3000);
		// totals(1000, 2500) sums seconds 1 and 2: what completed in [1000, 3000)
		assertThat(timeline.totals(T0 + 1000, T0 + 2500).ok()).isEqualTo(200);
	}

	@Test
	void failuresSpanTheirSecondsAndServiceIsBackWhenMostRequestsSucceed() {
		long[][] okAndErrors = { { 100, 0 }, { 40, 60 }, { 0, 150 }, { 0, 150 }, { 30, 120 }, { 140, 10 }, { 150, 0 } };
		List<Second> seconds = new ArrayList<>();
		for (int s = 0; s < okAndErrors.length; s++) {
			seconds.add(new Second(s, T0 + s * 1000L, okAndErrors[s][0], 0, 0, okAndErrors[s][1], 0, 0, Map.of()));
		}
		Timeline timeline = new Timeline(seconds);

		Timeline.Failures failures = timeline.failures(T0 + 1500, T0 + 7000);

		assertThat(failures.spanMillis()).isEqualTo(5000);
		assertThat(failures.firstSuccessAfter(T0 + 1500)).isEqualTo(3500);
		assertThat(timeline.failures(T0 + 6000, T0 + 7000).spanMillis()).isNull();
	}
}
