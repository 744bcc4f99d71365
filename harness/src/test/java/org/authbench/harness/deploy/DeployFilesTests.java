package org.authbench.harness.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed docker-compose.yml, deploy/nginx/ and deploy/k8s/ are exactly what the launcher's
 * settings and the nginx/ templates give today: a template or launcher change that was not
 * regenerated fails here, with the command that regenerates ({@link DeployFiles#REGENERATE}: this
 * test with {@code -Dauthbench.regenerate=true} writes them first).
 */
class DeployFilesTests {

	@Test
	void theCommittedFilesAreTheGeneratedOnes() throws IOException {
		if (Boolean.getBoolean("authbench.regenerate")) {
			DeployFiles.write(DeployFixtures.HOME).forEach(path -> System.out.println("wrote " + path));
		}
		SortedMap<String, String> generated = DeployFiles.generate(DeployFixtures.HOME);

		List<String> stale = new ArrayList<>();
		for (Map.Entry<String, String> file : generated.entrySet()) {
			Path committed = DeployFixtures.HOME.resolve(file.getKey());
			if (!Files.isRegularFile(committed)) {
				stale.add(file.getKey() + " (missing)");
			}
			else if (!Files.readString(committed).equals(file.getValue())) {
				stale.add(file.getKey() + " (differs)");
			}
		}
		DeployFiles.strays(DeployFixtures.HOME, generated).forEach(path -> stale.add(path + " (no longer generated)"));

		assertThat(stale).as("deploy files out of date with the launcher or nginx/ templates; regenerate them with%n"
				+ "  %s%nand commit the result", DeployFiles.REGENERATE).isEmpty();
	}

	@Test
	void everyModeHasItsRenderedNginxConfigAndEveryStackItsManifests() {
		SortedMap<String, String> generated = DeployFiles.generate(DeployFixtures.HOME);

		for (ContainerStack stack : ContainerStack.all()) {
			assertThat(generated).containsKeys(DeployFiles.nginxFolder(stack.lb()) + "/nginx.conf",
					"deploy/k8s/" + stack.name() + "/stack.yaml", "deploy/k8s/" + stack.name() + "/gatling-job.yaml");
		}
		assertThat(generated).containsKey("docker-compose.yml");
	}

	@Test
	void theYamlWriterWritesWhatAYamlParserReadsBack() {
		Map<String, Object> tricky = Yaml.map("empty", "", "word", "no", "number", "8080", "flag", "-Xmx1G",
				"colon", "a: b", "hash", "x #y", "quote", "say \"hi\" \\ back", "reference", "${A:?set A}",
				"file", "first\n\n  indented\nlast\n", "indentedFirst", "  starts with spaces\nnext\n",
				"noNewline", "one\ntwo", "trailing", "one\n\n", "int", 3, "bool", false, "emptyMap", Yaml.map(),
				"emptyList", List.of(), "list", List.of("x", Yaml.map("a", "1", "b", List.of("c")), 7));

		Map<String, Object> read = DeployFixtures.parse(Yaml.write(tricky));

		assertThat(read).isEqualTo(tricky);
	}
}
