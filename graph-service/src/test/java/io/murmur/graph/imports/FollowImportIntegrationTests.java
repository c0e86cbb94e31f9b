package io.murmur.graph.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.graph.GraphIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import of follows, against a real Neo4j, called with a service token.
 */
class FollowImportIntegrationTests extends GraphIntegrationTests {

	private static final String PROBLEMS = "https://murmur.example/problems/";

	@Autowired
	Driver driver;

	@Nested
	class Importing {

		@Test
		void shouldCreateFollowsThatTheNormalReadsShow() {
			long alice = unknownUser();
			long bob = unknownUser();
			long carol = unknownUser();
			Instant before = Instant.now();

			Response response = importFollows(follow(alice, bob), follow(alice, carol), follow(carol, bob));

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().get("created").asLong()).isEqualTo(3);
			JsonNode followers = as(alice, "GET", "/api/v1/users/" + bob + "/followers").json().get("items");
			assertThat(ids(followers)).containsExactlyInAnyOrder(Long.toString(alice), Long.toString(carol));
			Instant followedAt = Instant.parse(followers.get(0).get("followedAt").asString());
			assertThat(followedAt).isBetween(before.minusMillis(1), Instant.now());
			assertThat(ids(as(alice, "GET", "/api/v1/users/" + alice + "/following").json().get("items")))
				.containsExactlyInAnyOrder(Long.toString(bob), Long.toString(carol));
			List<String> followeeIds = new ArrayList<>();
			call("GET", "/internal/users/" + alice + "/followee-ids", tokens.service("feed-service")).json()
				.get("items")
				.forEach((id) -> followeeIds.add(id.asString()));
			assertThat(followeeIds).containsExactlyInAnyOrder(Long.toString(bob), Long.toString(carol));
			assertCounts(alice, 0, 2);
			assertCounts(bob, 2, 0);
			assertCounts(carol, 1, 1);
		}

		@Test
		void shouldDateImportedFollowsByTheServiceClock() {
			long alice = unknownUser();
			long bob = unknownUser();
			Instant then = Instant.parse("2023-11-05T08:00:00.125Z");

			FollowImportIntegrationTests.this.clock.stopAt(then);
			try {
				assertThat(importFollows(follow(alice, bob)).status()).isEqualTo(200);
			}
			finally {
				FollowImportIntegrationTests.this.clock.reset();
			}

			JsonNode followers = as(bob, "GET", "/api/v1/users/" + bob + "/followers").json().get("items");
			assertThat(ids(followers)).containsExactly(Long.toString(alice));
			assertThat(Instant.parse(followers.get(0).get("followedAt").asString())).isEqualTo(then);
		}

		@Test
		void shouldCountOnlyTheFollowsThatDidNotExist() {
			long alice = newUser();
			long bob = newUser();
			long carol = unknownUser();
			as(alice, "POST", "/api/v1/users/" + bob + "/follow");

			Response first = importFollows(follow(alice, bob), follow(alice, carol), follow(alice, carol));
			Response again = importFollows(follow(alice, carol), follow(alice, bob));

			assertThat(first.json().get("created").asLong()).isEqualTo(1);
			assertThat(again.json().get("created").asLong()).isZero();
			assertCounts(alice, 0, 2);
			assertCounts(bob, 1, 0);
			assertCounts(carol, 1, 0);
			assertThat(relationshipsBetween(alice, carol)).isOne();
		}

		@Test
		void shouldKeepCountsExactWhenOverlappingImportsRunTogether() throws Exception {
			List<Long> users = LongStream.range(0, 14).map((i) -> unknownUser()).boxed().toList();
			List<String> everyFollow = new ArrayList<>();
			for (long follower : users) {
				for (long followee : users) {
					if (follower != followee) {
						everyFollow.add(follow(follower, followee));
					}
				}
			}
			Random random = new Random(42);
			List<List<String>> batches = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				List<String> shuffled = new ArrayList<>(everyFollow);
				Collections.shuffle(shuffled, random);
				batches.add(shuffled.subList(0, everyFollow.size() / 2));
			}
			batches.add(everyFollow);
			long created;
			try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
				List<CompletableFuture<Response>> responses = batches.stream()
					.map((batch) -> CompletableFuture.supplyAsync(() -> importFollows(batch.toArray(String[]::new)),
							callers))
					.toList();
				created = 0;
				for (CompletableFuture<Response> response : responses) {
					assertThat(response.get().status()).as(response.get().body()).isEqualTo(200);
					created += response.get().json().get("created").asLong();
				}
			}
			Response again = importFollows(everyFollow.toArray(String[]::new));

			assertThat(created).isEqualTo(everyFollow.size());
			assertThat(again.json().get("created").asLong()).isZero();
			for (long user : users) {
				assertCounts(user, users.size() - 1, users.size() - 1);
			}
			assertThat(relationshipsBetween(users.get(0), users.get(1))).isOne();
			assertThat(relationshipsAmong(users)).isEqualTo(everyFollow.size());
		}

		@Test
		void shouldPublishNoEvents() {
			long alice = unknownUser();
			long bob = unknownUser();
			long sequence = outboxSequence();

			assertThat(importFollows(follow(alice, bob), follow(bob, alice)).status()).isEqualTo(200);

			assertThat(outboxSequence()).isEqualTo(sequence);
			assertThat(storedEventsOf(alice) + storedEventsOf(bob)).isZero();
		}

	}

	@Nested
	class Refusing {

		@Test
		void shouldRefuseAFollowOfOneself() {
			long alice = unknownUser();
			long bob = unknownUser();

			Response response = importFollows(follow(alice, bob), follow(bob, bob));

			assertInvalid(response, "follows[1].followeeId");
			assertCounts(alice, 0, 0);
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"followerId\":0,\"followeeId\":2}", "{\"followerId\":-1,\"followeeId\":2}",
				"{\"followeeId\":2}", "{\"followerId\":\"one\",\"followeeId\":2}" })
		void shouldRefuseAFollowerIdThatIsNotAUserId(String follow) {
			assertInvalid(importFollows(follow(unknownUser(), unknownUser()), follow), "follows[1].followerId");
		}

		@Test
		void shouldRefuseAnEmptyCallAndMoreThanFiveThousandFollows() {
			assertInvalid(importFollows(), "follows");
			assertInvalid(call("POST", "/internal/follows/import", tokens.service("importer"), "{}"), "follows");
			String[] tooMany = LongStream.rangeClosed(1, FollowImportController.MAX_FOLLOWS + 1)
				.mapToObj((i) -> follow(i, i + 1))
				.toArray(String[]::new);
			assertInvalid(importFollows(tooMany), "follows");
		}

		@Test
		void shouldForbidAUserToken() {
			long alice = newUser();
			long bob = newUser();

			Response response = call("POST", "/internal/follows/import", tokens.user(alice), body(follow(alice, bob)));

			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "forbidden");
			assertCounts(bob, 0, 0);
		}

		@Test
		void shouldRefuseARequestWithoutAToken() {
			Response response = call("POST", "/internal/follows/import", null, body(follow(1, 2)));

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "unauthorized");
		}

		private void assertInvalid(Response response, String field) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "validation-failed");
			List<String> fields = new ArrayList<>();
			response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
			assertThat(fields).contains(field);
		}

	}

	/**
	 * How fast follows are imported, by a client sending batches of 5000 with two in
	 * flight, on a power-law graph: the followee of each follow is drawn so that a few
	 * users have most of the followers. The target is 2,000,000 follows in under five
	 * minutes, 6,667 a second. It runs only when asked:
	 * {@code -Dmurmur.import.throughput=true}, with {@code -Dmurmur.import.follows=N}
	 * (500,000 by default) among {@code -Dmurmur.import.users=N} users (100,000).
	 */
	@Nested
	@EnabledIfSystemProperty(named = "murmur.import.throughput", matches = "true")
	class Throughput {

		@Test
		void shouldImportFollowsAtTwoMillionInFiveMinutes() throws Exception {
			int follows = Integer.getInteger("murmur.import.follows", 500_000);
			int users = Integer.getInteger("murmur.import.users", 100_000);
			long base = unknownUser() * 1000;
			Random random = new Random(7);
			List<String[]> batches = new ArrayList<>();
			for (int first = 0; first < follows; first += FollowImportController.MAX_FOLLOWS) {
				String[] batch = new String[Math.min(FollowImportController.MAX_FOLLOWS, follows - first)];
				for (int i = 0; i < batch.length; i++) {
					long follower = random.nextInt(users);
					long followee = (long) (users * Math.pow(random.nextDouble(), 3));
					batch[i] = follow(base + follower,
							base + ((followee != follower) ? followee : (followee + 1) % users));
				}
				batches.add(batch);
			}
			long started = System.nanoTime();
			long created = 0;
			try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
				List<CompletableFuture<Response>> responses = batches.stream()
					.map((batch) -> CompletableFuture.supplyAsync(() -> importFollows(batch), callers))
					.toList();
				for (CompletableFuture<Response> response : responses) {
					assertThat(response.get().status()).as(response.get().body()).isEqualTo(200);
					created += response.get().json().get("created").asLong();
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			double perSecond = follows * 1000.0 / took.toMillis();
			System.out.printf("Imported %,d follows (%,d new) among %,d users in %.1f s: %,.0f follows/s%n", follows,
					created, users, took.toMillis() / 1000.0, perSecond);
			assertThat(single("MATCH (u:User) WHERE u.id >= $from AND u.id < $to RETURN sum(u.followersCount) AS n",
					Map.of("from", base, "to", base + users)))
				.isEqualTo(created);
			assertThat(perSecond).isGreaterThan(2_000_000 / 300.0);
		}

	}

	private Response importFollows(String... follows) {
		return call("POST", "/internal/follows/import", tokens.service("importer"), body(follows));
	}

	private static String body(String... follows) {
		return "{\"follows\":[" + String.join(",", follows) + "]}";
	}

	private static String follow(long followerId, long followeeId) {
		return "{\"followerId\":" + followerId + ",\"followeeId\":" + followeeId + "}";
	}

	private static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private long relationshipsBetween(long follower, long followee) {
		return single("MATCH (:User {id: $a})-[r:FOLLOWS]->(:User {id: $b}) RETURN count(r) AS n",
				Map.of("a", follower, "b", followee));
	}

	private long relationshipsAmong(List<Long> users) {
		return single("MATCH (a:User)-[r:FOLLOWS]->(b:User) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n",
				Map.of("ids", users));
	}

	private long outboxSequence() {
		return single("OPTIONAL MATCH (s:OutboxSequence {name: 'graph'}) RETURN coalesce(s.value, 0) AS n", Map.of());
	}

	private long storedEventsOf(long user) {
		return single("MATCH (e:OutboxEvent {key: $key}) RETURN count(e) AS n", Map.of("key", Long.toString(user)));
	}

	private long single(String query, Map<String, Object> parameters) {
		try (Session session = this.driver.session()) {
			return session.run(query, parameters).single().get("n").asLong();
		}
	}

}
