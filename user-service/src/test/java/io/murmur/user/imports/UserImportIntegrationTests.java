package io.murmur.user.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.murmur.user.Api;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulk import of users with hashed passwords, against the real service on PostgreSQL,
 * called with a service token of a client configured for this run. The body limit is
 * raised as an import run would raise it: 1000 users do not fit in the default 16 KiB.
 */
@UserServiceIntegrationTest
@TestPropertySource(properties = "murmur.web.max-request-body-size=1MB")
class UserImportIntegrationTests {

	private static final String PROBLEMS = "https://murmur.example/problems/";

	private static final String CLIENT_SECRET = UUID.randomUUID().toString();

	private static final String PASSWORD = "imported horse battery staple";

	/**
	 * One hash of {@link #PASSWORD} with the service's own parameters, as a benchmark
	 * computes it once for all its accounts.
	 */
	private static final String HASH = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	private Api api;

	private String baseUrl;

	private String serviceToken;

	@DynamicPropertySource
	static void serviceClient(DynamicPropertyRegistry registry) {
		registry.add("murmur.user.service-clients[0].id", () -> "importer");
		registry.add("murmur.user.service-clients[0].secret", () -> CLIENT_SECRET);
	}

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
		this.baseUrl = "http://127.0.0.1:" + port;
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString(("importer:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Response token = send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/internal/oauth2/token"))
			.header("Authorization", basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		this.serviceToken = token.json().path("access_token").asString();
	}

	@Nested
	class Importing {

		@Test
		void shouldCreateUsersThatSignInWithThePasswordBehindTheirHash() {
			Map<String, Object> ada = user(Api.uniqueHandle());
			ada.put("displayName", "  Ada Lovelace ");
			Map<String, Object> grace = user(Api.uniqueHandle());
			grace.remove("displayName");

			Response response = importUsers(List.of(ada, grace));

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode users = response.json().get("users");
			assertThat(users).hasSize(2);
			assertThat(users.get(0).get("handle").asString()).isEqualTo(ada.get("handle"));
			assertThat(users.get(0).get("created").asBoolean()).isTrue();
			assertThat(users.get(0).get("id").isNumber()).isTrue();
			assertThat(users.get(1).get("handle").asString()).isEqualTo(grace.get("handle"));
			String token = api.login((String) ada.get("handle"), PASSWORD).accessToken();
			JsonNode me = json.readTree(api.get("/api/v1/users/me", token)
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
			assertThat(me.get("id").asString()).isEqualTo(users.get(0).get("id").asString());
			assertThat(me.get("displayName").asString()).isEqualTo("Ada Lovelace");
			assertThat(profile(users.get(1).get("id").asLong(), token).get("displayName").asString())
				.isEqualTo(grace.get("handle"));
			assertThat(api.login(((String) grace.get("email")).toUpperCase(), PASSWORD).accessToken()).isNotBlank();
		}

		@Test
		void shouldAnswerAgainWithTheSameIdsAndLeaveExistingUsersAsTheyAre() {
			String handle = Api.uniqueHandle();
			long id = importUsers(List.of(user(handle))).json().get("users").get(0).get("id").asLong();
			Map<String, Object> again = user(handle.toUpperCase());
			again.put("displayName", "Someone Else");
			again.put("email", "someone-else-" + handle + "@example.com");
			String newcomer = Api.uniqueHandle();

			Response response = importUsers(List.of(user(newcomer), again));

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode users = response.json().get("users");
			assertThat(users.get(0).get("handle").asString()).isEqualTo(newcomer);
			assertThat(users.get(0).get("created").asBoolean()).isTrue();
			assertThat(users.get(1).get("handle").asString()).isEqualTo(handle);
			assertThat(users.get(1).get("id").asLong()).isEqualTo(id);
			assertThat(users.get(1).get("created").asBoolean()).isFalse();
			String token = api.login(handle, PASSWORD).accessToken();
			JsonNode stored = profile(id, token);
			assertThat(stored.get("displayName").asString()).isEqualTo("Imported " + handle);
			assertThat(emailOf(id)).isEqualTo(handle + "@example.com");
		}

		@Test
		void shouldStoreOneUserRegisteredEventPerCreatedUserAndNoneForExistingOnes() throws Exception {
			String existing = Api.uniqueHandle();
			long existingId = importUsers(List.of(user(existing))).json().get("users").get(0).get("id").asLong();
			await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsOf(existingId) == 0);
			List<Map<String, Object>> batch = new ArrayList<>();
			batch.add(user(existing));
			IntStream.range(0, 5).forEach((i) -> batch.add(user(Api.uniqueHandle())));
			try (Connection relayOfAnotherReplica = UserImportIntegrationTests.this.dataSource.getConnection()) {
				relayOfAnotherReplica.setAutoCommit(false);
				try (PreparedStatement lock = relayOfAnotherReplica
					.prepareStatement("select pg_advisory_xact_lock(" + 0x6d75726d75720001L + ")")) {
					lock.execute();
				}
				JsonNode users = importUsers(batch).json().get("users");

				assertThat(outboxRowsOf(existingId)).isZero();
				for (int i = 1; i < batch.size(); i++) {
					long id = users.get(i).get("id").asLong();
					Map<String, Object> event = jdbc
						.sql("select event_type, topic, payload from outbox_events where message_key = ?")
						.param(Long.toString(id))
						.query()
						.singleRow();
					assertThat(event.get("event_type")).isEqualTo("user.registered.v1");
					assertThat(event.get("topic")).isEqualTo("murmur.user.v1");
					assertThat((String) event.get("payload")).contains("\"userId\":\"" + id + "\"")
						.contains("\"handle\":\"" + batch.get(i).get("handle") + "\"")
						.contains("\"displayName\":\"Imported " + batch.get(i).get("handle") + "\"");
				}
				relayOfAnotherReplica.rollback();
			}
			long last = users(batch).get(batch.size() - 1);
			await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsOf(last) == 0);
		}

		@Test
		void shouldCreateEachUserOnceWhenOverlappingImportsRace() {
			for (int round = 0; round < 3; round++) {
				List<Map<String, Object>> everyone = IntStream.range(0, 60)
					.mapToObj((i) -> user(Api.uniqueHandle()))
					.toList();
				CompletableFuture<Response> first = CompletableFuture
					.supplyAsync(() -> importUsers(everyone.subList(0, 40)));
				CompletableFuture<Response> second = CompletableFuture
					.supplyAsync(() -> importUsers(everyone.subList(20, 60)));
				Response a = first.join();
				Response b = second.join();

				assertThat(a.status()).as(a.body()).isEqualTo(200);
				assertThat(b.status()).as(b.body()).isEqualTo(200);
				for (int i = 20; i < 40; i++) {
					JsonNode inA = a.json().get("users").get(i);
					JsonNode inB = b.json().get("users").get(i - 20);
					assertThat(inA.get("id").asLong()).isEqualTo(inB.get("id").asLong());
					assertThat(inA.get("created").asBoolean()).isNotEqualTo(inB.get("created").asBoolean());
				}
				String[] handles = everyone.stream().map((user) -> (String) user.get("handle")).toArray(String[]::new);
				assertThat(jdbc.sql("select count(*) from users where handle = any(?)")
					.param(handles)
					.query(Long.class)
					.single()).isEqualTo(60);
			}
		}

		@Test
		void shouldImportAThousandUsersInOneCall() {
			List<Map<String, Object>> batch = IntStream.range(0, UserImportController.MAX_USERS)
				.mapToObj((i) -> user(Api.uniqueHandle()))
				.toList();

			Response response = importUsers(batch);

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			List<Long> ids = new ArrayList<>();
			response.json().get("users").forEach((user) -> {
				assertThat(user.get("created").asBoolean()).isTrue();
				ids.add(user.get("id").asLong());
			});
			assertThat(ids).hasSize(1000).doesNotHaveDuplicates().isSorted();
		}

		@Test
		void shouldUpgradeAWeakerHashAtTheFirstSignIn() {
			Map<String, Object> user = user(Api.uniqueHandle());
			user.put("passwordHash", "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 1024, 1).encode(PASSWORD));
			long id = importUsers(List.of(user)).json().get("users").get(0).get("id").asLong();

			api.login((String) user.get("handle"), PASSWORD);

			assertThat(jdbc.sql("select password_hash from users where id = ?").param(id).query(String.class).single())
				.startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		}

	}

	@Nested
	class Refusing {

		@ParameterizedTest
		@ValueSource(strings = { PASSWORD, "{noop}" + PASSWORD,
				"{bcrypt}$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
				"$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
				"{argon2}$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
				"{argon2}$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
				"{argon2}$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
				"{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
				"{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
				"{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g " })
		void shouldRefuseAHashNotInTheStoredArgon2idForm(String hash) {
			Map<String, Object> user = user(Api.uniqueHandle());
			user.put("passwordHash", hash);

			expectInvalid(importUsers(List.of(user(Api.uniqueHandle()), user)), "users[1].passwordHash");
		}

		@Test
		void shouldRefuseAnInvalidUserAndImportNothingOfTheCall() {
			Map<String, Object> valid = user(Api.uniqueHandle());
			Map<String, Object> badHandle = user("no spaces allowed");
			Map<String, Object> badEmail = user(Api.uniqueHandle());
			badEmail.put("email", "not-an-email");
			Map<String, Object> longName = user(Api.uniqueHandle());
			longName.put("displayName", "x".repeat(51));

			Response response = importUsers(List.of(valid, badHandle, badEmail, longName));

			expectInvalid(response, "users[1].handle");
			assertThat(fields(response)).contains("users[2].email", "users[3].displayName");
			assertThat(countByHandle((String) valid.get("handle"))).isZero();
		}

		@Test
		void shouldRefuseAHandleOrAnEmailTwiceInOneCall() {
			String handle = Api.uniqueHandle();
			Map<String, Object> sameEmail = user(Api.uniqueHandle());
			sameEmail.put("email", (handle + "@EXAMPLE.com"));

			Response response = importUsers(List.of(user(handle), user(handle.toUpperCase()), sameEmail));

			expectInvalid(response, "users[1].handle");
			assertThat(fields(response)).contains("users[2].email");
		}

		@Test
		void shouldAnswer409AndImportNothingWhenANewUsersEmailBelongsToAnotherAccount() {
			Api.Account other = api.register();
			Map<String, Object> valid = user(Api.uniqueHandle());
			Map<String, Object> taken = user(Api.uniqueHandle());
			taken.put("email", other.email().toUpperCase());

			Response response = importUsers(List.of(valid, taken));

			assertThat(response.status()).as(response.body()).isEqualTo(409);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "email-taken");
			assertThat(response.json().get("detail").asString()).contains("users[1].email");
			assertThat(countByHandle((String) valid.get("handle"))).isZero();
		}

		@Test
		void shouldRefuseAnEmptyCallAndMoreThanAThousandUsers() {
			expectInvalid(importUsers(List.of()), "users");
			expectInvalid(importUsers(IntStream.rangeClosed(0, UserImportController.MAX_USERS)
				.mapToObj((i) -> user(Api.uniqueHandle()))
				.toList()), "users");
			expectInvalid(call("{}", serviceToken), "users");
		}

		@Test
		void shouldForbidAUserToken() {
			String token = api.login(api.register()).accessToken();

			Response response = call("not even JSON", token);

			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
		}

		@Test
		void shouldAnswer401WithoutAToken() {
			Response response = call(body(List.of(user(Api.uniqueHandle()))), null);

			assertThat(response.status()).as(response.body()).isEqualTo(401);
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unauthorized");
		}

		private void expectInvalid(Response response, String field) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
			assertThat(fields(response)).contains(field);
		}

		private List<String> fields(Response response) {
			List<String> fields = new ArrayList<>();
			response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
			return fields;
		}

	}

	/**
	 * How fast accounts are imported, by a client sending batches of 1000 one after the
	 * other: the target is 100,000 in under a minute. It takes a minute or more, so it
	 * runs only when asked: {@code -Dmurmur.import.throughput=true}, and
	 * {@code -Dmurmur.import.users=N} for another number than 100,000.
	 */
	@Nested
	@EnabledIfSystemProperty(named = "murmur.import.throughput", matches = "true")
	class Throughput {

		@Test
		void shouldImportAHundredThousandUsersInUnderAMinute() {
			int total = Integer.getInteger("murmur.import.users", 100_000);
			String run = "t" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "_";
			long started = System.nanoTime();
			long created = 0;
			for (int first = 0; first < total; first += UserImportController.MAX_USERS) {
				List<Map<String, Object>> batch = IntStream
					.range(first, Math.min(total, first + UserImportController.MAX_USERS))
					.mapToObj((i) -> user(run + i))
					.toList();
				Response response = importUsers(batch);
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				for (JsonNode user : response.json().get("users")) {
					created += user.get("created").asBoolean() ? 1 : 0;
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			System.out.printf("Imported %,d users in %.1f s: %,.0f users/s%n", created, took.toMillis() / 1000.0,
					created * 1000.0 / took.toMillis());
			assertThat(created).isEqualTo(total);
			assertThat(took).isLessThan(Duration.ofSeconds(60).multipliedBy(total).dividedBy(100_000));
		}

	}

	private static Map<String, Object> user(String handle) {
		Map<String, Object> user = new HashMap<>();
		user.put("handle", handle);
		user.put("email", handle + "@example.com");
		user.put("displayName", "Imported " + handle);
		user.put("passwordHash", HASH);
		return user;
	}

	private Response importUsers(List<Map<String, Object>> users) {
		return call(body(users), this.serviceToken);
	}

	private static String body(List<Map<String, Object>> users) {
		return json.writeValueAsString(Map.of("users", users));
	}

	private Response call(String body, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/internal/users/import"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private List<Long> users(List<Map<String, Object>> batch) {
		String[] handles = batch.stream().map((user) -> (String) user.get("handle")).toArray(String[]::new);
		return this.jdbc.sql("select id from users where handle = any(?) order by id")
			.param(handles)
			.query(Long.class)
			.list();
	}

	private JsonNode profile(long id, String token) {
		return json.readTree(this.api.get("/api/v1/users/" + id, token)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private String emailOf(long id) {
		return this.jdbc.sql("select email from users where id = ?").param(id).query(String.class).single();
	}

	private long countByHandle(String handle) {
		return this.jdbc.sql("select count(*) from users where handle = ?").param(handle).query(Long.class).single();
	}

	private long outboxRowsOf(long userId) {
		return this.jdbc.sql("select count(*) from outbox_events where message_key = ?")
			.param(Long.toString(userId))
			.query(Long.class)
			.single();
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 */
	private record Response(int status, String contentType, String body) {

		JsonNode json() {
			return UserImportIntegrationTests.json.readTree(this.body);
		}

	}

}
