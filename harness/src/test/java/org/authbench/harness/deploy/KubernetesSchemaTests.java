package org.authbench.harness.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest in deploy/k8s/ read with the Kubernetes object model (fabric8 kubernetes-model),
 * as an API server would: each document must be a kind and API version the model knows, every
 * value must have the field's type, and no field may be unknown (a misspelt {@code readinessProbe}
 * would be silently dropped by a cluster). No cluster runs here, so this is the schema check.
 */
class KubernetesSchemaTests {

	static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("apps/v1 Deployment", Deployment.class,
			"v1 Service", Service.class, "v1 ConfigMap", ConfigMap.class, "batch/v1 Job", Job.class);

	static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	static List<Path> manifests() throws IOException {
		try (Stream<Path> files = Files.walk(DeployFixtures.HOME.resolve(DeployFiles.K8S_FOLDER))) {
			return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	@ParameterizedTest
	@MethodSource("manifests")
	void everyDocumentIsAValidKubernetesObjectWithNoUnknownField(Path manifest) throws IOException {
		List<String> problems = new ArrayList<>();
		int documents = 0;

		for (JsonNode document : documents(Files.readString(manifest))) {
			documents++;
			problems.addAll(check(document));
		}

		assertThat(documents).as("%s holds manifests", manifest).isPositive();
		assertThat(problems).as("%s against the Kubernetes model", DeployFixtures.HOME.relativize(manifest)).isEmpty();
	}

	@Test
	void aMisspeltOrMistypedFieldIsFound() {
		String manifest = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: app-1
				spec:
				  replicaz: 1
				  template:
				    spec:
				      containers:
				        - name: app-1
				          image: authbench/jwt-app:0.1.0-SNAPSHOT
				          readinessprobe: {}
				""";

		List<String> problems = check(documents(manifest).get(0));

		assertThat(problems).containsExactlyInAnyOrder("Deployment app-1: unknown field 'replicaz' in DeploymentSpec",
				"Deployment app-1: unknown field 'readinessprobe' in Container");
		assertThat(check(documents("apiVersion: v1\nkind: Srvice\nmetadata: {name: x}\n").get(0)))
			.containsExactly("unknown kind 'v1 Srvice' (known: " + String.join(", ", KINDS.keySet().stream().sorted().toList())
					+ ")");
	}

	private static List<JsonNode> documents(String text) {
		try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(text)) {
			return iterator.readAll();
		}
	}

	/** What the model finds wrong with one document: its kind, a value's type, unknown fields. */
	static List<String> check(JsonNode document) {
		String kind = document.path("apiVersion").asString("") + " " + document.path("kind").asString("");
		Class<? extends HasMetadata> type = KINDS.get(kind);
		if (type == null) {
			return List.of("unknown kind '" + kind + "' (known: " + String.join(", ", KINDS.keySet().stream().sorted().toList())
					+ ")");
		}
		HasMetadata object;
		try {
			object = YAML.treeToValue(document, type);
		}
		catch (RuntimeException ex) {
			return List.of(kind + ": " + ex.getMessage());
		}
		List<String> problems = new ArrayList<>();
		unknownFields(object, object.getKind() + " " + object.getMetadata().getName(), problems);
		return problems;
	}

	/**
	 * The model keeps fields it does not know in each object's additional properties instead of
	 * failing (so that newer servers' fields survive a round trip): every such field is a problem here.
	 */
	private static void unknownFields(Object node, String where, List<String> problems) {
		if (node instanceof Collection<?> items) {
			items.forEach(item -> unknownFields(item, where, problems));
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.values().forEach(value -> unknownFields(value, where, problems));
			return;
		}
		if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) value).keySet()
					.forEach(field -> problems.add(where + ": unknown field '" + field + "' in "
							+ node.getClass().getSimpleName()));
			}
			else {
				unknownFields(value, where, problems);
			}
		}
	}

	private static Object invoke(Method getter, Object node) {
		try {
			return getter.invoke(node);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter + " on " + node.getClass(), ex);
		}
	}
}
