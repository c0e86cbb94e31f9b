package io.murmur.support.profile;

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
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.murmur.support.client.ServiceCallProperties;
import io.murmur.support.client.ServiceCalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The profile look-ups of a page, against a stand-in user-service on a real socket that
 * knows users 1 to 999 and records which ids each batch asked for, with which token.
 */
class UserProfilesTests {

	private static final Pattern ID = Pattern.compile("\"(\\d+)\"");

	private final List<List<Long>> asked = new CopyOnWriteArrayList<>();

	private final List<String> tokens = new CopyOnWriteArrayList<>();

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
		UserProfiles users = users(Duration.ofMinutes(1));

		Map<Long, UserView> first = users.find(List.of(1L, 2L), "reader");
		Map<Long, UserView> second = users.find(List.of(2L, 3L), "reader");
		Map<Long, UserView> third = users.find(List.of(1L, 3L), "reader");

		assertThat(first.get(1L).handle()).isEqualTo("user1");
		assertThat(second.keySet()).containsExactlyInAnyOrder(2L, 3L);
		assertThat(third.get(3L).displayName()).isEqualTo("User 3");
		assertThat(this.asked).containsExactly(List.of(1L, 2L), List.of(3L));
		assertThat(this.tokens).containsOnly("Bearer reader");
	}

	@Test
	void shouldLeaveOutUnknownUsersAndAskForThemAgain() {
		UserProfiles users = users(Duration.ofMinutes(1));

		assertThat(users.find(List.of(5L, 5000L), "reader")).containsOnlyKeys(5L);
		assertThat(users.find(List.of(5L, 5000L), "reader")).containsOnlyKeys(5L);

		assertThat(this.asked).containsExactly(List.of(5L, 5000L), List.of(5000L));
	}

	@Test
	void shouldAskEveryTimeWhenTheCacheIsOff() {
		UserProfiles users = users(Duration.ZERO);

		users.find(List.of(7L), "reader");
		users.find(List.of(7L), "reader");

		assertThat(this.asked).containsExactly(List.of(7L), List.of(7L));
	}

	@Test
	void shouldSplitALargePageIntoBatchesUserServiceAccepts() {
		UserProfiles users = users(Duration.ofMinutes(1));

		Map<Long, UserView> found = users.find(LongStream.rangeClosed(1, 450).boxed().toList(), "reader");

		assertThat(found).hasSize(450);
		assertThat(this.asked).extracting(List::size).containsExactly(200, 200, 50);
	}

	@Test
	void shouldRefuseTheServicesOwnTokenWhenItHasNoServiceClient() {
		UserProfiles users = users(Duration.ofMinutes(1));

		assertThatIllegalStateException().isThrownBy(() -> users.find(List.of(1L)))
			.withMessageContaining("murmur.service-client");
		assertThat(this.asked).isEmpty();
	}

	private UserProfiles users(Duration ttl) {
		URI base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		ServiceCalls services = new ServiceCalls(
				new ServiceCallProperties(Map.of("user", base), Duration.ofSeconds(1), Duration.ofSeconds(2)));
		return new UserProfiles(services.client("user"), null, new UserProfilesProperties(ttl, 1000),
				new SimpleMeterRegistry());
	}

	private void batch(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		List<Long> ids = ID.matcher(body).results().map((match) -> Long.valueOf(match.group(1))).sorted().toList();
		this.asked.add(ids);
		this.tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
		String items = ids.stream()
			.filter((id) -> id < 1000)
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
