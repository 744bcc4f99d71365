package org.authbench.harness.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** How a container test waits for the images {@code ./authbench test} builds in the background. */
class DockerEngineIntegrationTests {

	@TempDir
	Path authbench;

	@Test
	void withoutABackgroundBuildItDoesNotWait() {
		assertThatNoException().isThrownBy(() -> DockerEngine.awaitBackgroundImages(this.authbench, Duration.ZERO));
	}

	@Test
	void itWaitsWhileTheBuildRunsAndGoesOnWhenItSucceeded() throws Exception {
		Path dir = Files.createDirectories(this.authbench.resolve("images-background"));
		// As ./authbench test's background shell does: the exit status is written before it ends.
		Process build = new ProcessBuilder("sh", "-c", "sleep 2; echo 0 > exit.tmp; mv exit.tmp exit")
			.directory(dir.toFile())
			.start();
		Files.writeString(dir.resolve("pid"), build.pid() + "\n");
		long started = System.nanoTime();

		DockerEngine.awaitBackgroundImages(this.authbench, Duration.ofSeconds(30));

		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(1000);
		assertThat(build.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(build.exitValue()).isZero();
	}

	@Test
	void aFailedBuildFailsTheTestNamingItsLog() throws Exception {
		Files.writeString(background(ProcessHandle.current().pid()).resolve("exit"), "1\n");

		assertThatIllegalStateException()
			.isThrownBy(() -> DockerEngine.awaitBackgroundImages(this.authbench, Duration.ofSeconds(5)))
			.withMessageContaining("failed (exit 1)")
			.withMessageContaining(this.authbench.resolve("images-background.log").toString());
	}

	@Test
	void aBuildThatEndedWithoutAStatusWasKilled() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		background(gone.pid());

		assertThatIllegalStateException()
			.isThrownBy(() -> DockerEngine.awaitBackgroundImages(this.authbench, Duration.ofSeconds(5)))
			.withMessageContaining("ended without an exit status");
	}

	@Test
	void aBuildThatOutlastsTheBoundFailsTheTest() throws Exception {
		background(ProcessHandle.current().pid());

		assertThatIllegalStateException()
			.isThrownBy(() -> DockerEngine.awaitBackgroundImages(this.authbench, Duration.ofMillis(1500)))
			.withMessageContaining("did not end within");
	}

	/** The folder {@code ./authbench test} writes for a background build of this PID. */
	private Path background(long pid) throws IOException {
		Path dir = Files.createDirectories(this.authbench.resolve("images-background"));
		Files.writeString(dir.resolve("pid"), pid + "\n");
		return dir;
	}
}
