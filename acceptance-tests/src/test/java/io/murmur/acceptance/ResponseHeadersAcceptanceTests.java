package io.murmur.acceptance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.reliability.http.RawHttp;
import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.http.RawResponse;
import io.murmur.reliability.openapi.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers of every response, generated from the operations every service publishes so
 * that a new route cannot be forgotten: each operation, through the gateway and at its
 * service directly, with a token and without, answered with whatever status. Every
 * response says {@code X-Content-Type-Options: nosniff}, names no server version and no
 * framework; a browser on another origin gets no CORS grant anywhere, while the origin
 * the gateway allows gets one at the gateway (and still none at a service, which a
 * browser never calls).
 */
class ResponseHeadersAcceptanceTests {

	static final String DISALLOWED_ORIGIN = "https://elsewhere.example";

	private static final Pattern ASSET = Pattern.compile("\"(/assets/[^\"]+)\"");

	final MurmurPlatform platform = MurmurPlatform.get();

	final Account someone = new Api(this.platform.gatewayUrl()).newAccount();

	final List<String> faults = new ArrayList<>();

	int address;

	@Test
	void shouldSendTheSecurityHeadersOnEveryOperationAtTheGatewayAndAtEachService() {
		List<Operation> operations = ServiceDocuments.operations(this.platform);
		int checked = 0;
		for (Operation operation : operations) {
			for (Target target : targets(operation)) {
				for (String token : new String[] { this.someone.accessToken(), null }) {
					RawRequest request = request(operation).withToken(token);
					checkHeaders(target, request, send(target, request));
					checked++;
				}
			}
		}
		System.out.printf("Security headers: %d operations, %d responses checked, %d faults%n", operations.size(),
				checked, this.faults.size());
		assertThat(operations).hasSizeGreaterThan(30);
		assertThat(this.faults).as("header faults:%n%s", String.join("\n", this.faults)).isEmpty();
	}

	@Test
	void shouldGrantCorsOnlyToTheAllowedOriginAndOnlyAtTheGateway() {
		List<Operation> operations = ServiceDocuments.operations(this.platform);
		int checked = 0;
		for (Operation operation : operations) {
			for (Target target : targets(operation)) {
				for (String origin : new String[] { DISALLOWED_ORIGIN, MurmurPlatform.ALLOWED_ORIGIN }) {
					boolean granted = target.gateway() && origin.equals(MurmurPlatform.ALLOWED_ORIGIN);
					RawRequest preflight = new RawRequest("OPTIONS", operation.pathWith("1"),
							Map.of("Origin", origin, "Access-Control-Request-Method", operation.method(),
									"Access-Control-Request-Headers", "authorization,content-type"),
							null, "preflight from " + origin);
					RawRequest simple = request(operation).withToken(this.someone.accessToken())
						.withHeader("Origin", origin);
					for (RawRequest request : List.of(preflight, simple)) {
						RawResponse response = send(target, request);
						checkHeaders(target, request, response);
						checkCors(target, request, response, granted ? origin : null);
						checked++;
					}
				}
			}
		}
		System.out.printf("CORS: %d operations, %d responses checked, %d faults%n", operations.size(), checked,
				this.faults.size());
		assertThat(this.faults).as("CORS faults:%n%s", String.join("\n", this.faults)).isEmpty();
	}

	@Test
	void shouldSendTheSecurityHeadersWithTheWebClientAndUnknownPathsAtTheGateway() {
		Target gateway = new Target("gateway", this.platform.gatewayUrl(), true);
		RawResponse page = send(gateway, RawRequest.json("GET", "/", null, "the web client"));
		assertThat(page.status()).as(page::toString).isEqualTo(200);
		Matcher asset = ASSET.matcher(page.body());
		assertThat(asset.find()).as("an asset named in %s", page).isTrue();
		List<RawRequest> requests = List.of(RawRequest.json("GET", "/", null, "the web client"),
				RawRequest.json("GET", "/index.html", null, "the web client"),
				RawRequest.json("GET", asset.group(1), null, "an asset"),
				RawRequest.json("GET", "/assets/no-such-file.js", null, "a missing asset"),
				RawRequest.json("GET", "/no-such-page", null, "an unknown page").withToken(this.someone.accessToken()),
				RawRequest.json("GET", "/no-such-page", null, "an unknown page without a token"),
				RawRequest.json("GET", "/api/v1/no-such-route", null, "an unknown route")
					.withToken(this.someone.accessToken()),
				RawRequest.json("GET", "/api/v1/no-such-route", null, "an unknown route without a token"),
				RawRequest.json("GET", "/v3/api-docs/user", null, "an API document"),
				RawRequest.json("GET", "/swagger-ui.html", null, "the API browser"));
		for (RawRequest request : requests) {
			RawResponse response = send(gateway, request);
			checkHeaders(gateway, request, response);
			checkCors(gateway, request, send(gateway, request.withHeader("Origin", DISALLOWED_ORIGIN)), null);
		}
		assertThat(send(gateway, requests.get(2)).status()).as("the asset").isEqualTo(200);
		assertThat(send(gateway, requests.get(4)).status()).as("an unknown page").isEqualTo(404);
		assertThat(this.faults).as("header faults:%n%s", String.join("\n", this.faults)).isEmpty();
	}

	private void checkHeaders(Target target, RawRequest request, RawResponse response) {
		String where = target.name() + ": " + request + " -> " + response.status();
		if (!"nosniff".equalsIgnoreCase(response.header("X-Content-Type-Options"))) {
			this.faults.add("  " + where + " without X-Content-Type-Options: nosniff");
		}
		for (String server : response.headers().getOrDefault("server", List.of())) {
			if (server.matches(".*[0-9/].*")) {
				this.faults.add("  " + where + " names its server version: Server: " + server);
			}
		}
		if (response.header("X-Powered-By") != null) {
			this.faults.add("  " + where + " names its framework: X-Powered-By: " + response.header("X-Powered-By"));
		}
	}

	private void checkCors(Target target, RawRequest request, RawResponse response, @Nullable String granted) {
		String where = target.name() + ": " + request + " -> " + response.status();
		String allowed = response.header("Access-Control-Allow-Origin");
		if (granted == null && allowed != null) {
			this.faults.add("  " + where + " grants Access-Control-Allow-Origin: " + allowed);
		}
		if (granted != null && !granted.equals(allowed)) {
			this.faults.add(
					"  " + where + " does not grant its allowed origin (Access-Control-Allow-Origin: " + allowed + ")");
		}
		if (response.headers().getOrDefault("access-control-allow-origin", List.of()).size() > 1) {
			this.faults.add("  " + where + " grants more than once: " + response.headers());
		}
	}

	private List<Target> targets(Operation operation) {
		return List.of(new Target("gateway", this.platform.gatewayUrl(), true),
				new Target(operation.service() + "-service",
						ServiceDocuments.urls(this.platform).get(operation.service()), false));
	}

	/**
	 * Sends from a new loopback address every hundred requests, so that the run stays
	 * within the per-IP budgets of requests without a token.
	 */
	private RawResponse send(Target target, RawRequest request) {
		int at = this.address++;
		return new RawHttp(target.url(), Duration.ofSeconds(30)).from("127.0.2." + (1 + (at / 100) % 250))
			.send(request);
	}

	private static RawRequest request(Operation operation) {
		String target = operation.pathWith("1");
		boolean body = !operation.method().equals("GET") && !operation.method().equals("DELETE");
		return RawRequest.json(operation.method().toUpperCase(Locale.ROOT), target, body ? "{}" : null,
				"headers of " + operation);
	}

	private record Target(String name, String url, boolean gateway) {
	}

}
