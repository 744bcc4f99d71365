package org.authbench.harness.stack;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue of variants and configurations (catalogue.yaml): what it says of each, and that
 * adding a configuration is one entry: the example of docs/variants.md, loaded from that page.
 */
class CatalogueTests {

	private static final Path HOME = Path.of(System.getProperty("authbench.home", "..")).toAbsolutePath().normalize();

	private static final URL MAIN = Catalogue.class.getResource(Catalogue.RESOURCE);

	@Test
	void theExampleOfTheDocsIsOneEntryThatRunsLikeAnyOther(@TempDir Path dir) throws IOException {
		Catalogue catalogue = Catalogue.read(MAIN, write(dir, docsExample()));

		Setup added = catalogue.setup("jwt-token-version-ha");
		StackSpec stack = added.apply(StackSpec.builder(added.variant(), StackSpecTests.HOME).redisPort(26390).build());

		assertThat(catalogue.setups()).hasSize(Catalogue.current().setups().size() + 1);
		assertThat(added.variant()).isSameAs(catalogue.variant("jwt"));
		assertThat(stack.redisHa()).isTrue();
		assertThat(stack.appEnvironment(1, "secret", "gateway")).containsEntry("AUTHBENCH_JWT_REVOCATION", "token-version")
			.containsEntry("AUTHBENCH_REDIS_SENTINEL_NODES", "127.0.0.1:26590,127.0.0.1:26690,127.0.0.1:26790")
			.containsEntry("AUTHBENCH_JWT_SECRET", "secret");
		assertThat(added.variant().revocation().mode(stack.appEnv()).revokes()).isTrue();
		assertThat(added.variant().revocationDelay(stack.appEnv()))
			.isEqualTo("0 s (token version in Redis, 1 command per request)");
		assertThat(added.variant().usesRedis()).isTrue();
	}

	@Test
	void whatEachVariantSaysDecidesWhatTheHarnessDoes() {
		Variant jwt = Variant.parse("jwt");

		assertThat(jwt.revocationDelay(Map.of())).isEqualTo("0 s (denylist in Redis, 1 command per request)");
		assertThat(jwt.revocationDelay(Map.of("AUTHBENCH_JWT_REVOCATION", "none")))
			.isEqualTo("until exp: up to the access-token lifetime (15 min)");
		assertThat(jwt.revocationDelay(Map.of("AUTHBENCH_JWT_REVOCATION", "none", "AUTHBENCH_JWT_ACCESS_TTL", "90s")))
			.isEqualTo("until exp: up to the access-token lifetime (90 s)");
		assertThat(jwt.revocationModeName(Map.of("AUTHBENCH_JWT_REVOCATION", "NONE"))).contains("none");
		assertThat(Variant.parse("sticky").revocationModeName(Map.of())).isEmpty();
		assertThat(Variant.parse("baseline").revocationDelay(null)).isEqualTo("n/a (no credential)");
		assertThat(Catalogue.current().reference()).isEqualTo(Variant.parse("baseline"));
		assertThat(Setup.parse("sticky-boot-default").observabilityOf()).contains(Setup.parse("sticky"));
		assertThat(Setup.parse("jwt-none").observabilityOf()).isEmpty();
		assertThat(Catalogue.current().set("compare")).extracting(Setup::id)
			.containsExactly("baseline", "sticky", "clustered", "jwt");
	}

	@Test
	void everyVariantIsAlsoAConfigurationOfItsOwnName() {
		for (Variant variant : Variant.all()) {
			assertThat(Setup.parse(variant.id()).variant()).isEqualTo(variant);
		}
	}

	@Test
	void aMistakeInAnEntryIsNamedWhenTheCatalogueIsRead(@TempDir Path dir) throws IOException {
		URL unknownVariant = write(dir, """
				configurations:
				  - id: magic
				    variant: jwt-magic
				    description: no such variant
				""");
		URL twice = write(dir, """
				configurations:
				  - id: jwt-none
				    variant: jwt
				    description: again
				""");
		URL misspelt = write(dir, """
				configurations:
				  - id: jwt-other
				    variant: jwt
				    description: a key that does not exist
				    setting: { AUTHBENCH_JWT_REVOCATION: none }
				""");

		assertThatThrownBy(() -> Catalogue.read(MAIN, unknownVariant)).hasMessageContaining("names no known variant: 'jwt-magic'");
		assertThatThrownBy(() -> Catalogue.read(MAIN, twice)).hasMessageContaining("'jwt-none' is defined twice");
		assertThatThrownBy(() -> Catalogue.read(MAIN, misspelt)).hasMessageContaining("setting");
	}

	/** The first YAML block under "## Adding a configuration" of docs/variants.md. */
	private static String docsExample() throws IOException {
		String page = Files.readString(HOME.resolve("docs/variants.md"));
		String section = page.substring(page.indexOf("## Adding a configuration"));
		Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(section);
		assertThat(block.find()).as("a yaml block under 'Adding a configuration' in docs/variants.md").isTrue();
		return block.group(1);
	}

	private static URL write(Path dir, String yaml) throws IOException {
		Path file = Files.createTempFile(dir, "catalogue", ".yaml");
		Files.writeString(file, yaml);
		return file.toUri().toURL();
	}
}
