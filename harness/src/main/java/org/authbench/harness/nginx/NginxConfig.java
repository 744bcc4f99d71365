package org.authbench.harness.nginx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.authbench.harness.stack.LbMode;

/**
 * Renders one load-balancing mode from the templates in {@code nginx/} into an nginx prefix
 * folder of its own ({@code <run>/nginx}): config, pid, temp folders; logs go to {@code <run>/logs}.
 * Nothing under /etc/nginx, /var or /run is read or written. The rendered files are readable by
 * their owner only: the gateway config holds the shared gateway secret.
 *
 * @param mode the load-balancing mode (its template is {@code nginx/<mode>.conf})
 * @param port where nginx listens, on 127.0.0.1
 * @param appPorts the instances, {@code app1} first
 * @param connectTimeout nginx → instance connect timeout
 * @param readTimeout nginx → instance read (and send) timeout
 * @param tries instances tried for one request at most
 * @param failTimeout how long an instance that failed is left alone
 * @param maxFails failures within {@code failTimeout} before it is left alone
 * @param gatewaySecret the {@code X-Gateway-Secret} sent to the instances (gateway modes)
 * @param jwt the token claims the njs gateway requires (gateway-njs)
 * @param accessLog the JSON access log on, or {@code access_log off}
 * @param workers worker processes, 0 for {@code auto} (one per CPU)
 */
public record NginxConfig(LbMode mode, int port, List<Integer> appPorts, Duration connectTimeout,
		Duration readTimeout, int tries, Duration failTimeout, int maxFails, String gatewaySecret, JwtClaims jwt,
		boolean accessLog, int workers) {

	/** The rendered piece holding the {@code access_log} line. */
	public static final String COMMON = "common.conf";

	/** The file names of the shared pieces every mode includes. */
	static final List<String> SHARED = List.of(COMMON, "proxy-headers.conf");

	/** The njs script gateway-njs imports, taken from the templates folder as it is (nothing rendered). */
	public static final String NJS_SCRIPT = "gateway.js";

	/** The rendered main config's file name. */
	public static final String MAIN = "nginx.conf";

	/**
	 * What the njs gateway checks besides the signature.
	 *
	 * @param issuer required {@code iss}
	 * @param audience required {@code aud}
	 * @param clockSkewSeconds tolerated skew for {@code exp}/{@code nbf}
	 * @param maxTokenBytes longer tokens are rejected before any work
	 */
	public record JwtClaims(String issuer, String audience, long clockSkewSeconds, int maxTokenBytes) {

		public static JwtClaims defaults() {
			return new JwtClaims("authbench", "authbench-api", 30, 8192);
		}
	}

	public NginxConfig {
		appPorts = List.copyOf(appPorts);
		if (mode.isGateway() && (gatewaySecret == null || gatewaySecret.isBlank())) {
			throw new IllegalArgumentException("the gateway modes need a gateway secret");
		}
	}

	/**
	 * Where nginx listens and how it reaches the instances: loopback on this machine, container or
	 * Service names on a container platform ({@code deploy/}).
	 *
	 * @param listenAddress the address nginx listens on
	 * @param appHosts the host of each instance, {@code app1} first
	 */
	public record Addresses(String listenAddress, List<String> appHosts) {

		public Addresses {
			appHosts = List.copyOf(appHosts);
		}

		/** Everything on 127.0.0.1, as {@code authbench up} runs it. */
		public static Addresses loopback(int instances) {
			return new Addresses("127.0.0.1", Collections.nCopies(instances, "127.0.0.1"));
		}
	}

	/**
	 * Renders into {@code prefix} (created if needed) and returns the main config file.
	 * @param templates the {@code nginx/} folder
	 * @param prefix nginx's prefix folder
	 * @param logs where nginx writes its error log and JSON access log
	 */
	public Path render(Path templates, Path prefix, Path logs) {
		try {
			Files.createDirectories(prefix.resolve("tmp"));
			Files.createDirectories(logs);
			Map<String, String> files = files(templates, prefix.toString(), logs.toString(),
					Addresses.loopback(this.appPorts.size()));
			for (Map.Entry<String, String> file : files.entrySet()) {
				write(prefix.resolve(file.getKey()), file.getValue());
			}
			return prefix.resolve(MAIN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot render the nginx config into " + prefix, ex);
		}
	}

	/**
	 * The rendered files by name, without writing them: {@code nginx.conf} (the mode's template),
	 * the shared pieces it includes and, for gateway-njs, the njs script.
	 * @param templates the {@code nginx/} folder
	 * @param prefix nginx's prefix folder as nginx will see it
	 * @param logs nginx's log folder as nginx will see it
	 * @param addresses where nginx listens and finds the instances
	 */
	public Map<String, String> files(Path templates, String prefix, String logs, Addresses addresses) {
		if (addresses.appHosts().size() != this.appPorts.size()) {
			throw new IllegalArgumentException(this.appPorts.size() + " instances need " + this.appPorts.size()
					+ " hosts, got " + addresses.appHosts());
		}
		try {
			Map<String, String> values = values(prefix, logs, addresses);
			Map<String, String> files = new LinkedHashMap<>();
			files.put(MAIN, Template.render(this.mode.template(), read(templates, this.mode.template()), values));
			for (String shared : SHARED) {
				files.put(shared, Template.render(shared, read(templates, shared), values));
			}
			if (this.mode == LbMode.GATEWAY_NJS) {
				files.put(NJS_SCRIPT, read(templates, NJS_SCRIPT));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the nginx templates in " + templates, ex);
		}
	}

	Map<String, String> values(String prefix, String logs, Addresses addresses) {
		Map<String, String> values = new HashMap<>();
		values.put("prefix", prefix);
		values.put("logs", logs);
		values.put("access_log", accessLogDirective(logs, this.accessLog));
		values.put("workers", this.workers == 0 ? "auto" : String.valueOf(this.workers));
		values.put("listen_address", addresses.listenAddress());
		values.put("port", String.valueOf(this.port));
		values.put("connect_timeout", this.connectTimeout.toMillis() + "ms");
		values.put("read_timeout", this.readTimeout.toMillis() + "ms");
		values.put("tries", String.valueOf(this.tries));
		values.put("upstreams", upstreams(addresses.appHosts()));
		values.put("route_map", routeMap());
		values.put("gateway_secret", this.gatewaySecret == null ? "" : this.gatewaySecret);
		JwtClaims claims = this.jwt != null ? this.jwt : JwtClaims.defaults();
		values.put("jwt_issuer", claims.issuer());
		values.put("jwt_audience", claims.audience());
		values.put("jwt_clock_skew", String.valueOf(claims.clockSkewSeconds()));
		values.put("jwt_max_token_bytes", String.valueOf(claims.maxTokenBytes()));
		return values;
	}

	/** The {@code access_log} line of {@code common.conf}: the buffered JSON log in {@code logs}, or off. */
	public static String accessLogDirective(String logs, boolean on) {
		return on ? "access_log " + logs + "/access.json authbench_json buffer=64k flush=250ms;" : "access_log off;";
	}

	/**
	 * {@code backend}: every instance, round-robin. In sticky mode also one upstream per route,
	 * {@code app<n>}: that instance, the others as {@code backup} for when it is down.
	 */
	String upstreams(List<String> hosts) {
		StringBuilder out = new StringBuilder(upstream("backend", IntStream.range(0, this.appPorts.size())
			.mapToObj(i -> server(hosts.get(i), this.appPorts.get(i), false))
			.collect(Collectors.joining())));
		if (this.mode == LbMode.STICKY) {
			for (int i = 0; i < this.appPorts.size(); i++) {
				int primary = i;
				String servers = server(hosts.get(primary), this.appPorts.get(primary), false)
						+ IntStream.range(0, this.appPorts.size())
							.filter(j -> j != primary)
							.mapToObj(j -> server(hosts.get(j), this.appPorts.get(j), true))
					.collect(Collectors.joining());
				out.append(upstream("app" + (primary + 1), servers));
			}
		}
		return out.toString();
	}

	private String upstream(String name, String servers) {
		return "    upstream " + name + " {\n" + servers + "        keepalive 32;\n    }\n";
	}

	private String server(String host, int port, boolean backup) {
		// fail_timeout has a resolution of seconds.
		long failSeconds = Math.max(1, (this.failTimeout.toMillis() + 999) / 1000);
		return "        server " + host + ":" + port + " max_fails=" + this.maxFails + " fail_timeout=" + failSeconds + "s"
				+ (backup ? " backup" : "") + ";\n";
	}

	/** Sticky: the route suffix of {@code JSESSIONID=<id>.app<n>} names the upstream. */
	String routeMap() {
		return IntStream.rangeClosed(1, this.appPorts.size())
			.mapToObj(n -> "        ~\\.app" + n + "$ app" + n + ";\n")
			.collect(Collectors.joining());
	}

	private static String read(Path templates, String name) throws IOException {
		Path file = templates.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("nginx template " + file + " is missing");
		}
		return Files.readString(file);
	}

	private static void write(Path file, String text) throws IOException {
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, text);
	}
}
