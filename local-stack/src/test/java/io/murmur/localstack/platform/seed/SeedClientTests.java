package io.murmur.localstack.platform.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.murmur.localstack.platform.seed.SeedClient.Reply;
import io.murmur.localstack.platform.seed.SeedClient.RetryPolicy;
import io.murmur.localstack.process.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against a small HTTP server that answers from a script of responses.
 */
class SeedClientTests {

	private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

	private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	private SeedClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.client = new SeedClient(SeedClient.newHttpClient(), "graph-service",
				"http://127.0.0.1:" + this.server.getAddress().getPort(), QUICK);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void shouldRetryWhileTheServiceIsBusy() {
		this.answers.add(new Answer(429, "{}", Map.of("Retry-After", "0")));
		this.answers.add(new Answer(503, "{}", Map.of()));
		this.answers.add(new Answer(201, "{\"id\":\"42\"}", Map.of()));

		Reply reply = this.client.post("/api/v1/posts", Map.of("text", "hello"), "token", 201);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.text("id")).isEqualTo("42");
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void shouldGiveUpWhenTheServiceStaysBusy() {
		for (int i = 0; i < 3; i++) {
			this.answers
				.add(new Answer(503, "{\"type\":\"https://murmur.example/problems/service-unavailable\"}", Map.of()));
		}

		assertThatExceptionOfType(SeedException.class)
			.isThrownBy(() -> this.client.post("/api/v1/users/7/follow", null, "token", 204))
			.withMessageStartingWith("graph-service stayed busy (503) for POST http://127.0.0.1:")
			.withMessageContaining("/api/v1/users/7/follow after 3 attempts")
			.withMessageContaining("service-unavailable");
	}

	@Test
	void shouldFailAtOnceWithTheRequestAndTheAnswerOnAnythingElse() {
		this.answers
			.add(new Answer(400, "{\"type\":\"https://murmur.example/problems/cannot-follow-self\"}", Map.of()));

		assertThatExceptionOfType(SeedException.class)
			.isThrownBy(() -> this.client.post("/api/v1/users/7/follow", null, "token", 204))
			.withMessageMatching("graph-service refused POST http://127.0.0.1:\\d+/api/v1/users/7/follow with 400: "
					+ "\\{\"type\":\"https://murmur.example/problems/cannot-follow-self\"}");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void shouldHandTheExpectedStatusesToTheCaller() {
		this.answers.add(new Answer(409, "{\"type\":\"https://murmur.example/problems/handle-taken\"}", Map.of()));

		assertThat(this.client.post("/api/v1/auth/register", Map.of(), null, 201, 409).status()).isEqualTo(409);
	}

	@Test
	void shouldSendJsonAndTheToken() {
		Queue<String> seen = new ConcurrentLinkedQueue<>();
		this.server.createContext("/echo", (exchange) -> {
			seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ exchange.getRequestHeaders().getFirst("Content-Type") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			respond(exchange, new Answer(204, "", Map.of()));
		});

		this.client.post("/echo", Map.of("text", "a \"quoted\" word"), "abc", 204);

		assertThat(seen).containsExactly("Bearer abc application/json {\"text\":\"a \\\"quoted\\\" word\"}");
	}

	@Test
	void shouldSayWhichServiceDoesNotAnswer() {
		SeedClient nobody = new SeedClient(SeedClient.newHttpClient(), "post-service",
				"http://127.0.0.1:" + FreePorts.next(), QUICK);

		assertThatExceptionOfType(SeedException.class)
			.isThrownBy(() -> nobody.get("/api/v1/users/1/posts", "token", 200))
			.withMessageStartingWith("post-service does not answer at http://127.0.0.1:");
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		Answer answer = this.answers.poll();
		respond(exchange, (answer != null) ? answer : new Answer(500, "{\"unexpected\":true}", Map.of()));
	}

	private static void respond(HttpExchange exchange, Answer answer) throws IOException {
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private record Answer(int status, String body, Map<String, String> headers) {

	}

}
