package io.murmur.graph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.support.test.TestClock;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the integration tests: the whole service on a random port against a real
 * Neo4j and Kafka, with {@link TestTokens} and {@link StubUserService} standing in for
 * user-service, and a {@link TestClock} a test may stop. Every subclass shares one
 * application context. Tests use fresh user ids so that they never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.outbox.poll-interval=100ms", "murmur.outbox.min-backoff=200ms",
				"murmur.outbox.max-backoff=1s", "spring.kafka.producer.properties.delivery.timeout.ms=3000",
				"spring.kafka.producer.properties.request.timeout.ms=1000",
				"spring.kafka.producer.properties.max.block.ms=2000" })
@LocalStores({ Store.NEO4J, Store.KAFKA })
@Import(TestClock.Configuration.class)
public abstract class GraphIntegrationTests {

	protected static final TestTokens tokens = TestTokens.start();

	protected static final StubUserService userService = new StubUserService();

	@Autowired
	protected TestClock clock;

	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/** The management port, where the probes are: never the API port. */
	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void userService(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.services.urls.user", userService::url);
	}

	/**
	 * A user id no other test uses, known to user-service.
	 * @return the id
	 */
	protected static long newUser() {
		long id = ids.incrementAndGet();
		userService.register(id);
		return id;
	}

	/**
	 * A user id no other test uses, unknown to user-service.
	 * @return the id
	 */
	protected static long unknownUser() {
		return ids.incrementAndGet();
	}

	protected Response call(String method, String path, @Nullable String token) {
		return call(method, path, token, null);
	}

	/**
	 * A GET on the management port.
	 * @param path the path
	 * @return the status
	 */
	protected int managementCall(String path) {
		return send(this.managementPort, "GET", path, null, null).status();
	}

	protected Response call(String method, String path, @Nullable String token, @Nullable String body) {
		return send(this.port, method, path, token, body);
	}

	private Response send(int port, String method, String path, @Nullable String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected Response as(long userId, String method, String path) {
		return call(method, path, tokens.user(userId));
	}

	/**
	 * Asserts a user's follower and following counts, as user-service reads them.
	 * @param userId the user
	 * @param followers the followers expected
	 * @param following the followed users expected
	 */
	protected void assertCounts(long userId, long followers, long following) {
		JsonNode counts = as(userId, "GET", "/internal/users/" + userId + "/counts").json();
		assertThat(counts.get("id").asString()).isEqualTo(Long.toString(userId));
		assertThat(counts.get("followersCount").asLong()).as("followers of %s", userId).isEqualTo(followers);
		assertThat(counts.get("followingCount").asLong()).as("following of %s", userId).isEqualTo(following);
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 */
	protected record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return GraphIntegrationTests.json.readTree(this.body);
		}

	}

}
