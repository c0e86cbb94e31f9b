package io.murmur.support.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A service client against a real HTTP server on a free port.
 */
class ServiceHttpTests {

	private HttpServer server;

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	/** Holds the slow answer back until the test is over. */
	private final CountDownLatch testOver = new CountDownLatch(1);

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/echo", (exchange) -> {
			this.clientPorts.add(exchange.getRemoteAddress().getPort());
			byte[] body = exchange.getRequestBody().readAllBytes();
			answer(exchange, body);
		});
		this.server.createContext("/slow", (exchange) -> {
			try {
				this.testOver.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, "late".getBytes(StandardCharsets.UTF_8));
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.testOver.countDown();
		this.server.stop(0);
	}

	@Test
	void shouldSendBodiesAndKeepOneConnectionForCallsInTurn() {
		RestClient client = ServiceHttp.restClient(baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));
		for (int i = 0; i < 5; i++) {
			String answer = client.post()
				.uri("/echo")
				.contentType(MediaType.TEXT_PLAIN)
				.body("call " + i)
				.retrieve()
				.body(String.class);
			assertThat(answer).isEqualTo("call " + i);
		}
		assertThat(this.clientPorts).hasSize(1);
	}

	@Test
	void shouldGiveUpOnAnAnswerSlowerThanTheReadTimeout() {
		RestClient client = ServiceHttp.restClient(baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(300));
		long started = System.nanoTime();
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.get().uri("/slow").retrieve().body(String.class));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
	}

	private URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private static void answer(HttpExchange exchange, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/plain");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
