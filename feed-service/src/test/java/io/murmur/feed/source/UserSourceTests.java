package io.murmur.feed.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.source.UserSource.UserView;
import io.murmur.support.client.ServiceCallProperties;
import io.murmur.support.client.ServiceCalls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile look-ups of a page, against a stand-in user-service on a real socket that
 * knows users 1 to 99 and records which ids each batch asked for.
 */
class UserSourceTests {

	private static final Pattern ID = Pattern.compile("\"(\\d+)\"");

	private final List<List<Long>> asked = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/internal/users/batch", this::batch);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void shouldAskUserServiceOnlyForThePeopleNotSeenRecently() {
		UserSource users = users(Duration.ofMinutes(1));

		Map<Long, UserView> first = users.users(List.of(1L, 2L), "token");
		Map<Long, UserView> second = users.users(List.of(2L, 3L), "token");
		Map<Long, UserView> third = users.users(List.of(1L, 3L), "token");

		assertThat(first.get(1L).handle()).isEqualTo("user1");
		assertThat(second.keySet()).containsExactlyInAnyOrder(2L, 3L);
		assertThat(third.get(3L).displayName()).isEqualTo("User 3");
		assertThat(this.asked).containsExactly(List.of(1L, 2L), List.of(3L));
	}

	@Test
	void shouldLeaveOutUnknownUsersAndAskForThemAgain() {
		UserSource users = users(Duration.ofMinutes(1));

		assertThat(users.users(List.of(5L, 500L), "token")).containsOnlyKeys(5L);
		assertThat(users.users(List.of(5L, 500L), "token")).containsOnlyKeys(5L);

		assertThat(this.asked).containsExactly(List.of(5L, 500L), List.of(500L));
	}

	@Test
	void shouldAskEveryTimeWhenTheCacheIsOff() {
		UserSource users = users(Duration.ZERO);

		users.users(List.of(7L), "token");
		users.users(List.of(7L), "token");

		assertThat(this.asked).containsExactly(List.of(7L), List.of(7L));
	}

	private UserSource users(Duration ttl) {
		URI base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		FeedProperties properties = new FeedProperties(new FeedProperties.FanOut(10, 100, 10, Duration.ofDays(1), 5,
				100, Duration.ofMinutes(10), 10, 4, 20, Duration.ofDays(1)),
				new FeedProperties.Read(20, 100, Duration.ofSeconds(60), ttl));
		ServiceCalls services = new ServiceCalls(
				new ServiceCallProperties(Map.of("user", base), Duration.ofSeconds(1), Duration.ofSeconds(2)));
		return new UserSource(services, properties, new SimpleMeterRegistry());
	}

	private void batch(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		List<Long> ids = ID.matcher(body).results().map((match) -> Long.valueOf(match.group(1))).sorted().toList();
		this.asked.add(ids);
		String items = ids.stream()
			.filter((id) -> id < 100)
			.map((id) -> "{\"id\":\"%d\",\"handle\":\"user%d\",\"displayName\":\"User %d\",\"avatarUrl\":null}"
				.formatted(id, id, id))
			.collect(Collectors.joining(","));
		byte[] answer = ("{\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

}
