package org.authbench.harness.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.authbench.harness.nginx.NginxConfig;
import org.authbench.harness.stack.LbMode;

/**
 * Generates the files that run the stack on a container platform from the native launcher's own
 * settings and nginx templates: {@code docker-compose.yml}, {@code deploy/nginx/<mode>/} (the
 * configs compose mounts; gateway-njs's script is mounted from {@code nginx/} itself) and
 * {@code deploy/k8s/<stack>/}. The files are committed; a test
 * regenerates them and fails when they differ, so a template or launcher change cannot leave them
 * behind. Hand-written: {@code deploy/docker/*.Dockerfile} and {@code deploy/images.sh} (the images,
 * {@code ./authbench images}), {@code deploy/nginx/start.sh} (read here).
 * <p>
 * Regenerate: {@value #REGENERATE}
 */
public final class DeployFiles {

	/** The command that rewrites the generated files, printed by the test that finds them stale. */
	public static final String REGENERATE = "./mvnw -q -pl harness -am test -Dtest=DeployFilesTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dauthbench.regenerate=true";

	static final String DOCKER_FOLDER = "deploy/docker";

	static final String START_SCRIPT = "deploy/nginx/start.sh";

	static final String NGINX_FOLDER = "deploy/nginx";

	static final String K8S_FOLDER = "deploy/k8s";

	private DeployFiles() {
	}

	/** An image's Dockerfile ({@code app}, {@code nginx}, {@code redis}, {@code gatling}), relative to the project root. */
	static String dockerfile(String name) {
		return DOCKER_FOLDER + "/" + name + ".Dockerfile";
	}

	/** Folder of a mode's rendered nginx config, relative to the project root. */
	static String nginxFolder(LbMode mode) {
		return NGINX_FOLDER + "/" + mode.id();
	}

	/** Every generated file by its path relative to {@code home}, the project root. */
	public static SortedMap<String, String> generate(Path home) {
		Path templates = home.resolve("nginx");
		String startScript = read(home.resolve(START_SCRIPT));
		SortedMap<String, String> files = new TreeMap<>();
		List<ContainerStack> stacks = ContainerStack.all();
		files.put(Compose.FILE, Compose.render(stacks));
		for (ContainerStack stack : stacks) {
			Map<String, String> nginx = stack.nginxFiles(templates);
			// The njs script is not rendered: compose mounts nginx/gateway.js itself, and only the
			// ConfigMap (which must hold every file nginx reads) has it in full.
			nginx.forEach((name, text) -> {
				if (!name.equals(NginxConfig.NJS_SCRIPT)) {
					files.put(nginxFolder(stack.lb()) + "/" + name, text);
				}
			});
			String folder = K8S_FOLDER + "/" + stack.name() + "/";
			files.put(folder + Kubernetes.STACK_FILE, Kubernetes.stack(stack, nginx, startScript));
			files.put(folder + Kubernetes.JOB_FILE, Kubernetes.gatlingJob(stack));
		}
		return files;
	}

	/**
	 * Files in the generated folders that generation would not write (left over from a mode or
	 * variant that is gone), relative to {@code home}.
	 */
	public static List<String> strays(Path home, SortedMap<String, String> generated) {
		List<String> strays = new ArrayList<>();
		for (String folder : List.of(NGINX_FOLDER, K8S_FOLDER)) {
			Path root = home.resolve(folder);
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter(Files::isRegularFile)
					.map(file -> home.relativize(file).toString().replace('\\', '/'))
					.filter(path -> !generated.containsKey(path) && !path.equals(START_SCRIPT))
					.forEach(strays::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return strays;
	}

	/** Writes every generated file under {@code home} and deletes the strays. */
	public static List<String> write(Path home) {
		SortedMap<String, String> files = generate(home);
		try {
			for (String stray : strays(home, files)) {
				Files.delete(home.resolve(stray));
			}
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path target = home.resolve(file.getKey());
				Files.createDirectories(target.getParent());
				Files.writeString(target, file.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(files.keySet());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/** @param args the project root, by default the current folder */
	public static void main(String[] args) {
		Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
		List<String> written = write(home);
		written.forEach(path -> System.out.println("wrote " + path));
	}
}
