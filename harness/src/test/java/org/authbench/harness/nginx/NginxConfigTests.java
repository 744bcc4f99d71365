package org.authbench.harness.nginx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.authbench.harness.stack.LbMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates in nginx/, rendered: shaped as docs/design.md §4 and docs/internals.md say. */
class NginxConfigTests {

	static final Path TEMPLATES = Path.of(System.getProperty("authbench.home", "..")).resolve("nginx");

	static final Pattern LOCATION = Pattern.compile("location\\s+([^{]+)\\{([^}]*)}", Pattern.DOTALL);

	@TempDir
	Path dir;

	static NginxConfig config(LbMode mode) {
		return config(mode, true);
	}

	static NginxConfig config(LbMode mode, boolean accessLog) {
		return new NginxConfig(mode, 18080, List.of(19001, 19002, 19003), Duration.ofSeconds(1), Duration.ofSeconds(3),
				3, Duration.ofSeconds(2), 1, "gateway-secret-0123456789-abcdefghijklmnop", null, accessLog, accessLog ? 0 : 1);
	}

	/** The rendered main config, without its comments. */
	String render(LbMode mode) throws IOException {
		String conf = Files.readString(config(mode).render(TEMPLATES, this.dir.resolve("nginx"), this.dir.resolve("logs")));
		return conf.replaceAll("(?m)#.*$", "");
	}

	@Test
	void aTrialsNginxHasOneWorkerAndNoAccessLog() throws Exception {
		Path logs = this.dir.resolve("logs");
		config(LbMode.ROUND_ROBIN, true).render(TEMPLATES, this.dir.resolve("on"), logs);
		config(LbMode.ROUND_ROBIN, false).render(TEMPLATES, this.dir.resolve("off"), logs);

		assertThat(Files.readString(this.dir.resolve("on/common.conf")))
			.contains("access_log " + logs + "/access.json authbench_json buffer=64k flush=250ms;")
			.doesNotContain("access_log off;");
		assertThat(Files.readString(this.dir.resolve("off/common.conf"))).contains("access_log off;")
			.doesNotContain("access.json");
		assertThat(Files.readString(this.dir.resolve("on/nginx.conf"))).contains("worker_processes auto;");
		assertThat(Files.readString(this.dir.resolve("off/nginx.conf"))).contains("worker_processes 1;");
	}

	@Test
	void stickyMapsTheCookieRouteToAnUpstreamWithTheOthersAsBackup() throws IOException {
		String conf = render(LbMode.STICKY);

		assertThat(conf).contains("map $cookie_JSESSIONID $route", "~\\.app1$ app1;", "~\\.app3$ app3;",
				"default backend;", "proxy_pass http://$route;");
		assertThat(conf).containsPattern("upstream app2 \\{\\s+server 127.0.0.1:19002 [^;]*;\\s+server 127.0.0.1:19001 "
				+ "[^;]* backup;\\s+server 127.0.0.1:19003 [^;]* backup;");
		assertThat(conf).doesNotContain("ip_hash").doesNotContainPattern("\\bhash\\s+\\$cookie");
	}

	@ParameterizedTest
	@EnumSource(LbMode.class)
	void everyModeFailsOverWithBoundedTriesAndShortTimeouts(LbMode mode) throws IOException {
		render(mode);
		String common = Files.readString(this.dir.resolve("nginx/common.conf"));
		String headers = Files.readString(this.dir.resolve("nginx/proxy-headers.conf"));

		assertThat(common).contains("proxy_next_upstream error timeout;", "proxy_next_upstream_tries 3;",
				"proxy_connect_timeout 1000ms;", "proxy_read_timeout 3000ms;", "\"request_id\":\"$request_id\"",
				"\"upstream\":\"$upstream_addr\"", "\"upstream_time\":\"$upstream_response_time\"",
				"\"sent\":\"$http_x_authbench_sent\"");
		// No X- header is added for the instances; the load generator's send stamp is taken away.
		assertThat(headers).contains("proxy_set_header Connection \"\";", "proxy_set_header Host $http_host;",
				"proxy_set_header X-Authbench-Sent \"\";")
			.doesNotContainPattern("proxy_set_header X-[\\w-]+ (?!\"\";)");
		assertThat(render(mode)).contains("max_fails=1 fail_timeout=2s", "keepalive 32;");
	}

	@ParameterizedTest
	@EnumSource(value = LbMode.class, names = { "GATEWAY", "GATEWAY_NJS" })
	void noRoutedLocationOfAGatewaySkipsTheCheckOrKeepsClientIdentityHeaders(LbMode mode) throws IOException {
		String conf = render(mode);
		List<String> open = List.of("= /api/auth/login", "= /api/auth/refresh", "= /actuator/health");
		List<String> routed = new ArrayList<>();

		Matcher location = LOCATION.matcher(conf);
		while (location.find()) {
			String name = location.group(1).trim();
			String body = location.group(2);
			if (name.startsWith("@") || body.contains("internal;")) {
				continue;
			}
			routed.add(name);
			assertThat(body).as(name).doesNotContain("return ").doesNotContain("rewrite ").contains("proxy_pass");
			assertThat(body).as(name).contains("proxy_set_header X-User ", "proxy_set_header X-Roles ",
					"proxy_set_header X-Gateway-Secret ");
			if (!open.contains(name)) {
				assertThat(body).as(name).contains("auth_request /_");
			}
		}

		assertThat(routed).contains("/").containsAll(open).hasSize(open.size() + 1);
		String withoutNamedLocations = conf.replaceAll("location\\s+@\\w+\\s*\\{[^}]*}", "");
		assertThat(withoutNamedLocations).doesNotContainPattern("\\b(return|rewrite|if)\\b")
			.contains("error_page 401 = @unauthorized;");
	}

	@Test
	void theNjsGatewayGetsItsSecretFromTheEnvironmentNotAFile() throws IOException {
		String conf = render(LbMode.GATEWAY_NJS);
		String script = Files.readString(this.dir.resolve("nginx/gateway.js"));

		assertThat(conf).contains("env AUTHBENCH_JWT_SECRET;", "js_import gateway from gateway.js;",
				"load_module /usr/lib/nginx/modules/ngx_http_js_module.so;");
		assertThat(script).contains("createHmac('sha256'", "constantTimeEqual(expected, given)", "header.alg === 'HS256'",
				"header.kid === secretKid(key)", "const HEADER_MEMBERS = ['alg', 'kid', 'typ'];",
				"payload.token_use !== 'access'");
	}

	@Test
	void aPlaceholderWithoutValueIsAnError() {
		Throwable error = org.assertj.core.api.Assertions.catchThrowable(
				() -> Template.render("t.conf", "listen {{nope}};", java.util.Map.of()));

		assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{nope}}");
	}
}
