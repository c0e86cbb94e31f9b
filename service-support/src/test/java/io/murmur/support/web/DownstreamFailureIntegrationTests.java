package io.murmur.support.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.support.app.SupportTestApplication;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that needs another service which is down, or failing, is answered 503
 * problem+json, never 500: the client should try again, and the gateway and operators
 * should see the outage for what it is.
 */
class DownstreamFailureIntegrationTests {

	private static final TestTokens tokens = TestTokens.start();

	@AfterAll
	static void stop() {
		tokens.close();
	}

	static HttpResponse<String> relay(int port) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/relay"))
				.header("Authorization", "Bearer " + tokens.user(42))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("service-unavailable").doesNotContain("Exception");
	}

	@Nested
	@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class WhenTheOtherServiceIsDown {

		@DynamicPropertySource
		static void services(DynamicPropertyRegistry registry) {
			tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
			registry.add("murmur.services.urls.echo", () -> "http://127.0.0.1:" + closedPort());
		}

		@Test
		void shouldAnswerServiceUnavailable(@LocalServerPort int port) throws Exception {
			assertUnavailable(relay(port));
		}

	}

	@Nested
	@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class WhenTheOtherServiceFails {

		private static final HttpServer failing = failing();

		@DynamicPropertySource
		static void services(DynamicPropertyRegistry registry) {
			tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
			registry.add("murmur.services.urls.echo", () -> "http://127.0.0.1:" + failing.getAddress().getPort());
		}

		@AfterAll
		static void stop() {
			failing.stop(0);
		}

		@Test
		void shouldAnswerServiceUnavailable(@LocalServerPort int port) throws Exception {
			assertUnavailable(relay(port));
		}

		private static HttpServer failing() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
				server.createContext("/internal/echo", (exchange) -> {
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
				});
				server.start();
				return server;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
