package org.authbench.harness.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CompletionsTests {

	static final long T0 = 1_795_000_000_000L;

	@Test
	void readsTheSimulationsLedger(@TempDir Path dir) throws IOException {
		// as the simulation's CompletionLedger writes it
		Files.writeString(dir.resolve(Completions.FILE), """
				{"time":"sent","columns":["ok","authLost","clientError","serverError","connectError","relogins"],
				"rows":[
				[1795000000999,3,0,0,0,0,0],
				[1795000001000,2,1,0,1,0,1],
				[1795000001499,4,0,1,0,1,0]
				]}
				""");

		Completions completions = Completions.read(dir).orElseThrow();
		Timeline.Second total = completions.totals(T0, T0 + 2000);

		assertThat(completions.stamp()).isEqualTo(AccessLog.Stamp.SENT);
		assertThat(total.ok()).isEqualTo(9);
		assertThat(total.authLost()).isEqualTo(1);
		assertThat(total.clientError()).isEqualTo(1);
		assertThat(total.serverError()).isEqualTo(1);
		assertThat(total.connectError()).isEqualTo(1);
		assertThat(total.relogins()).isEqualTo(1);
		assertThat(total.requests()).isEqualTo(13);
	}

	@Test
	void aLedgerWrittenBeforeRequestsCarriedTheirSendTimeIsByCompletion(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve(Completions.FILE), """
				{"columns":["ok","authLost","clientError","serverError","connectError","relogins"],
				"rows":[[1795000000999,3,0,0,0,0,0]]}
				""");

		assertThat(Completions.read(dir).orElseThrow().stamp()).isEqualTo(AccessLog.Stamp.COMPLETED);
	}

	@Test
	void refusesALedgerByAnUnknownTime(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve(Completions.FILE), """
				{"time":"received","columns":["ok","authLost","clientError","serverError","connectError","relogins"],"rows":[]}
				""");

		assertThatIllegalStateException().isThrownBy(() -> Completions.read(dir)).withMessageContaining("\"received\"");
	}

	@Test
	void aRunRecordedWithoutALedgerHasNone(@TempDir Path dir) {
		assertThat(Completions.read(dir)).isEmpty();
	}

	@Test
	void refusesALedgerWithOtherColumns(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve(Completions.FILE), "{\"columns\":[\"ok\"],\"rows\":[]}");

		assertThatIllegalStateException().isThrownBy(() -> Completions.read(dir));
	}

	/** The edge rule of nginx's access log: [from, to), by the millisecond a request ended. */
	@Test
	void countsAWindowToTheMillisecondLikeTheAccessLog() {
		Completions completions = new Completions(List.of(new long[] { T0 + 999, 1, 0, 0, 0, 0, 0 },
				new long[] { T0 + 1000, 1, 0, 0, 0, 0, 0 }, new long[] { T0 + 1500, 1, 0, 0, 0, 0, 0 },
				new long[] { T0 + 1500, 0, 0, 1, 0, 0, 0 }, new long[] { T0 + 2499, 1, 0, 0, 0, 0, 0 },
				new long[] { T0 + 2500, 1, 0, 0, 0, 0, 0 }));
		AccessLog nginx = new AccessLog(List.of(entry(T0 + 999), entry(T0 + 1000), entry(T0 + 1500),
				entry(T0 + 1500), entry(T0 + 2499), entry(T0 + 2500)));

		for (long[] window : new long[][] { { T0 + 1000, T0 + 2500 }, { T0 + 999, T0 + 1000 }, { T0 + 1500, T0 + 1501 },
				{ T0, T0 + 3000 }, { T0 + 2501, T0 + 9000 } }) {
			assertThat(completions.totals(window[0], window[1]).requests()).as("[%d, %d)", window[0] - T0, window[1] - T0)
				.isEqualTo(nginx.window(window[0], window[1]).requests());
		}
		assertThat(completions.totals(T0 + 1000, T0 + 2500).requests()).isEqualTo(4);
	}

	private static AccessLog.Entry entry(long epochMillis) {
		return new AccessLog.Entry(epochMillis, 200, "/api/me", 500, 100);
	}
}
