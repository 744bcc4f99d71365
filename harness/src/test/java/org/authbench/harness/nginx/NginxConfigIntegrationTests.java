package org.authbench.harness.nginx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.authbench.harness.stack.LbMode;
import org.authbench.testsupport.Binaries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates in nginx/, rendered for every mode, accepted by the real nginx ({@code nginx -t}). */
class NginxConfigIntegrationTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(LbMode.class)
	void theRealNginxAcceptsEveryRenderedMode(LbMode mode) throws Exception {
		Path conf = NginxConfigTests.config(mode)
			.render(NginxConfigTests.TEMPLATES, this.dir.resolve("nginx"), this.dir.resolve("logs"));
		Path nginx = Binaries.require("nginx", "nginx");

		Process test = new ProcessBuilder(nginx.toString(), "-t", "-p", this.dir.resolve("nginx") + "/", "-c",
				conf.toString(), "-e", this.dir.resolve("logs/error.log").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.start();
		String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(test.waitFor()).as(output).isZero();
		assertThat(Files.getPosixFilePermissions(conf)).containsOnly(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}
}
