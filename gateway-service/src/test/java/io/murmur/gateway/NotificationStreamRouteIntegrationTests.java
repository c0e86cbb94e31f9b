package io.murmur.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification stream route against a stand-in stream and a real Redis: events pass
 * through as they come, the stream outlives the route timeout (1 s here), a user keeps at
 * most two streams open (the cap set here), and a stream counts once against the rate
 * limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.gateway.route-timeout=1s", "murmur.gateway.notification-stream.max-per-user=2",
				"spring.data.redis.database=3" })
@LocalStores(Store.REDIS)
class NotificationStreamRouteIntegrationTests {

	static final StubService services = new StubService();

	static final StreamingService notifications = new StreamingService();

	static final RSAKey signingKey = TestTokens.newKey("key-1");

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		services.jwks(() -> TestTokens.jwks(signingKey));
		for (String service : List.of("user", "graph", "post", "media", "feed", "search")) {
			registry.add("murmur.gateway.services." + service, services::url);
		}
		registry.add("murmur.gateway.services.notification", notifications::url);
		registry.add("murmur.gateway.jwt.jwk-set-uri", () -> services.url() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stop() {
		notifications.close();
		services.close();
	}

	@Test
	void shouldPassEventsThroughAsTheyComeAndKeepTheStreamPastTheRouteTimeout() {
		String token = TestTokens.valid(signingKey, newUser());
		try (Stream stream = open(token, "41")) {
			assertThat(stream.status).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5)).until(() -> notifications.open(token).size() == 1);
			assertThat(notifications.open(token).get(0).headers().getFirst("Last-Event-ID")).isEqualTo("41");

			notifications.send(token, "42", "{\"n\":1}");
			await().atMost(Duration.ofSeconds(2)).until(() -> stream.lines.contains("id: 42"));
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> notifications.open(token).size() == 1);
			notifications.send(token, "43", "{\"n\":2}");

			await().atMost(Duration.ofSeconds(2)).until(() -> stream.lines.contains("id: 43"));
			assertThat(stream.lines).contains("data: {\"n\":1}", "data: {\"n\":2}");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> notifications.open(token).isEmpty());
	}

	@Test
	void shouldCapTheStreamsOfOneUserAndFreeTheSlotWhenOneEnds() {
		String ana = TestTokens.valid(signingKey, newUser());
		Stream first = open(ana, null);
		try (Stream second = open(ana, null)) {
			assertThat(second.status).isEqualTo(200);
			Stream third = open(ana, null);
			assertThat(third.status).isEqualTo(429);
			assertThat(third.contentType).startsWith("application/problem+json");
			third.close();
			try (Stream other = open(TestTokens.valid(signingKey, newUser()), null)) {
				assertThat(other.status).isEqualTo(200);
			}

			first.close();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				Stream again = open(ana, null);
				again.close();
				return again.status == 200;
			});
		}
	}

	@Test
	void shouldCountAStreamOnceAgainstTheRateLimitHoweverLongItLasts() {
		String token = TestTokens.valid(signingKey, newUser());
		long before;
		try (Stream stream = open(token, null)) {
			before = Long.parseLong(stream.rateLimitRemaining);
			for (int i = 0; i < 5; i++) {
				notifications.send(token, "e" + i, "{}");
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines.contains("id: e4"));
		}
		HttpResponse<String> next = send(
				HttpRequest.newBuilder(uri("/api/v1/feed")).header("Authorization", "Bearer " + token).build());
		assertThat(Long.parseLong(next.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
			.isEqualTo(before - 1);
	}

	private Stream open(String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token);
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new Stream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String newUser() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
	}

	/**
	 * A client's stream through the gateway, its lines read as they arrive.
	 */
	static final class Stream implements AutoCloseable {

		final int status;

		final String contentType;

		final String rateLimitRemaining;

		final List<String> lines = new CopyOnWriteArrayList<>();

		private final InputStream body;

		Stream(HttpResponse<InputStream> response) {
			this.status = response.statusCode();
			this.contentType = response.headers().firstValue("Content-Type").orElse("");
			this.rateLimitRemaining = response.headers().firstValue("X-RateLimit-Remaining").orElse("");
			this.body = response.body();
			Thread.ofVirtual().start(() -> {
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// closed by the test
				}
			});
		}

		@Override
		public void close() {
			try {
				this.body.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

	}

}
