package io.murmur.support.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.support.app.SupportTestApplication;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request is one trace across the services: a service joins the trace of the
 * {@code traceparent} it receives, and its calls to other services through
 * {@link ServiceCalls} pass that trace on, each from a span of its own.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracingIntegrationTests {

	private static final TestTokens tokens = TestTokens.start();

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	private static final List<String> received = new CopyOnWriteArrayList<>();

	private static final HttpServer echo = echo();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.services.urls.echo", () -> "http://127.0.0.1:" + echo.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		echo.stop(0);
		tokens.close();
	}

	@Test
	void shouldPassTheCallersTraceOnToTheServicesItCalls(@LocalServerPort int port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/relay"))
				.header("Authorization", "Bearer " + tokens.user(42))
				.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("echoed");
		assertThat(received).hasSize(1);
		String[] passedOn = received.get(0).split("-");
		assertThat(passedOn[1]).isEqualTo(TRACE_ID);
		assertThat(passedOn[2]).isNotEqualTo(CALLER_SPAN);
	}

	private static HttpServer echo() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
			server.createContext("/internal/echo", (exchange) -> {
				received.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
				byte[] body = "echoed".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
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
