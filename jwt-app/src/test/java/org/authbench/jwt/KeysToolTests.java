package org.authbench.jwt;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jsonwebtoken.security.Jwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar jwt-app.jar keys …} and the keys file it writes (docs/security.md case 4). */
class KeysToolTests {

	@TempDir
	Path dir;

	record Run(int code, String out, String err) {
	}

	static Run keys(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = KeysTool.run(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void rotatesAFileInThreeSteps() {
		String file = this.dir.resolve("keys.json").toString();

		Run generate = keys("generate", "ES256", file);
		String first = KeysFile.read(Path.of(file)).active();
		Run add = keys("add", "EdDSA", file);
		String second = KeysFile.read(Path.of(file)).keys().get(0).getId();
		String activeAfterAdd = KeysFile.read(Path.of(file)).active();
		Run activate = keys("activate", file, second);
		Run retireActive = keys("retire", file, second);
		Run retireOld = keys("retire", file, first);

		assertThat(List.of(generate.code(), add.code(), activate.code(), retireOld.code())).containsOnly(0);
		assertThat(activeAfterAdd).as("added keys only verify").isEqualTo(first);
		assertThat(retireActive.code()).as("the active key cannot be retired").isEqualTo(1);
		assertThat(retireActive.err()).contains("'" + second + "' is the active key");
		KeyRing ring = KeysFile.read(Path.of(file)).ring();
		assertThat(ring.active().kid()).isEqualTo(second);
		assertThat(ring.active().algorithm()).isEqualTo(JwtAlgorithm.EDDSA);
		assertThat(ring.kids()).containsExactly(second);
		assertThat(generate.out()).contains(file + ": active " + first);
	}

	@Test
	void aKidWithQuotesAndBackslashesIsWrittenAsJsonAndReadBack() {
		Path file = this.dir.resolve("keys.json");
		String kid = "k\"1\\n\\\"}";
		Jwk<?> odd = JwtAlgorithm.ES256.generate(kid);
		Jwk<?> plain = JwtAlgorithm.ES256.generate("plain");
		KeysFile.write(file, new KeysFile.Contents("plain", List.of(odd, plain)));

		Run activate = keys("activate", file.toString(), kid);
		JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
		KeysFile.Contents contents = KeysFile.read(file);

		assertThat(activate.code()).as(activate.err()).isZero();
		assertThat(json.get("active").asString()).isEqualTo(kid);
		assertThat(json.get("keys").get(0).get("kid").asString()).isEqualTo(kid);
		assertThat(contents.active()).isEqualTo(kid);
		assertThat(contents.ring().active().kid()).isEqualTo(kid);
		assertThat(contents.keys()).extracting(Jwk::getId).containsExactly(kid, "plain");
	}

	@Test
	void anUnknownKidIsRefusedAndTheFileKept() throws Exception {
		Path file = this.dir.resolve("keys.json");
		keys("generate", "HS256", file.toString());
		String before = Files.readString(file);

		Run activate = keys("activate", file.toString(), "no\"such");

		assertThat(activate.code()).isEqualTo(1);
		assertThat(activate.err()).contains("no\"such").doesNotContain("Exception", "\tat ");
		assertThat(Files.readString(file)).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"''                           | Missing command: generate, add, activate, retire or jwks",
		"bogus                        | Unmatched argument at index 0: 'bogus'",
		"generate ES256               | Missing required parameter: '<file>'",
		"generate HS512 keys.json     | Unsupported JWT algorithm 'HS512'. Use one of HS256, RS256, ES256, EdDSA.",
		"activate keys.json           | Missing required parameter: '<kid>'",
		"retire keys.json k1 k2       | Unmatched argument at index 3: 'k2'" })
	void badArgumentsAreAUsageErrorWithAClearMessage(String args, String message) {
		Run run = keys(args.isEmpty() ? new String[0] : args.split(" "));

		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains(message).contains("Usage: java -jar jwt-app.jar keys").doesNotContain("\tat ");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void helpListsTheCommands() {
		Run help = keys("--help");

		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("generate", "add", "activate", "retire", "jwks");
	}

	@Test
	void versionNamesTheApp() {
		Run version = keys("--version");

		assertThat(version.code()).isZero();
		assertThat(version.out()).startsWith("jwt-app ");
	}

	@Test
	void aMissingFileIsAFailureNamingIt() {
		Path missing = this.dir.resolve("none.json");

		Run add = keys("add", "ES256", missing.toString());

		assertThat(add.code()).isEqualTo(1);
		assertThat(add.err()).contains(missing + " cannot be read").doesNotContain("\tat ");
	}
}
