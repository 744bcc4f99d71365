package org.authbench.harness.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a fault's cell is graded: a logout a Redis fault undid is a security finding, whatever else went well. */
class FailureMatrixTests {

	@Test
	void aLogoutUndoneByARedisFaultIsSevereEvenWhenNobodyWasLoggedOut() {
		Comparison.Incident kept = new Comparison.Incident(0, null, 0.0, 300, 6500L, 30L, null, null, 5.0, 600.0, 0L);
		Comparison.Incident undone = new Comparison.Incident(0, null, 0.0, 300, 6500L, 30L, null, null, 5.0, 600.0, 3L);
		Comparison.Incident notProbed = new Comparison.Incident(0, null, 0.0, 300, 6500L, 30L, null, null, 5.0, 600.0);

		assertThat(FailureMatrix.severity(kept)).isEqualTo(FailureMatrix.Severity.MAJOR);
		assertThat(FailureMatrix.severity(undone)).isEqualTo(FailureMatrix.Severity.SEVERE);
		assertThat(FailureMatrix.severity(notProbed)).isEqualTo(FailureMatrix.severity(kept));
		assertThat(FailureMatrix.COLUMNS).extracting(FailureMatrix.Column::scenario)
			.contains("redis-outage", "redis-failover", "redis-primary-freeze");
	}
}
