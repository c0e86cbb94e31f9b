package io.murmur.graph.follow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.graph.GraphIntegrationTests;
import io.murmur.graph.KafkaRecords;
import io.murmur.graph.QueryPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following and unfollowing through the API, and what the reads then show.
 */
class FollowJourneyIntegrationTests extends GraphIntegrationTests {

	@Autowired
	Driver driver;

	@Nested
	class Follow {

		@Test
		void shouldFollowOnceAndCountOnceHoweverOftenItIsAsked() {
			long alice = newUser();
			long bob = newUser();

			assertThat(as(alice, "POST", "/api/v1/users/" + bob + "/follow").status()).isEqualTo(204);
			assertThat(as(alice, "POST", "/api/v1/users/" + bob + "/follow").status()).isEqualTo(204);

			assertCounts(alice, 0, 1);
			assertCounts(bob, 1, 0);
			JsonNode relationships = as(bob, "GET", "/api/v1/relationships?ids=" + alice).json();
			assertThat(relationships.get("items").get(0).get("id").asString()).isEqualTo(Long.toString(alice));
			assertThat(relationships.get("items").get(0).get("following").asBoolean()).isFalse();
			assertThat(relationships.get("items").get(0).get("followedBy").asBoolean()).isTrue();
		}

		@Test
		void shouldUnfollowOnceAndCountOnceHoweverOftenItIsAsked() {
			long alice = newUser();
			long bob = newUser();
			as(alice, "POST", "/api/v1/users/" + bob + "/follow");

			assertThat(as(alice, "DELETE", "/api/v1/users/" + bob + "/follow").status()).isEqualTo(204);
			assertThat(as(alice, "DELETE", "/api/v1/users/" + bob + "/follow").status()).isEqualTo(204);

			assertCounts(alice, 0, 0);
			assertCounts(bob, 0, 0);
			assertThat(as(alice, "GET", "/api/v1/users/" + bob + "/followers").json().get("items")).isEmpty();
		}

		@Test
		void shouldDateAFollowAndItsEventByTheServiceClock() {
			long star = newUser();
			long fan = newUser();
			Instant then = Instant.parse("2024-02-29T12:34:56.789Z");

			FollowJourneyIntegrationTests.this.clock.stopAt(then);
			try {
				assertThat(as(fan, "POST", "/api/v1/users/" + star + "/follow").status()).isEqualTo(204);
			}
			finally {
				FollowJourneyIntegrationTests.this.clock.reset();
			}

			JsonNode item = as(star, "GET", "/api/v1/users/" + star + "/followers").json().get("items").get(0);
			assertThat(item.get("id").asString()).isEqualTo(Long.toString(fan));
			assertThat(Instant.parse(item.get("followedAt").asString())).isEqualTo(then);
			ConsumerRecord<String, byte[]> record = KafkaRecords
				.read(Topics.GRAPH, (candidate) -> Long.toString(fan).equals(candidate.key()), 1)
				.get(0);
			assertThat(EventJson.read(EventType.USER_FOLLOWED.id(), record.value()))
				.isInstanceOfSatisfying(UserFollowed.class, (followed) -> {
					assertThat(followed.occurredAt()).isEqualTo(then);
					assertThat(followed.since()).isEqualTo(then);
				});
		}

		@Test
		void shouldCountConcurrentFollowsOfOneUserExactly() throws Exception {
			long star = newUser();
			List<Long> fans = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				fans.add(newUser());
			}
			List<Thread> threads = new ArrayList<>();
			for (long fan : fans) {
				threads.add(Thread.ofVirtual().start(() -> {
					as(fan, "POST", "/api/v1/users/" + star + "/follow");
					as(fan, "POST", "/api/v1/users/" + star + "/follow");
				}));
			}
			for (Thread thread : threads) {
				thread.join();
			}

			assertCounts(star, 20, 0);
		}

		@Test
		void shouldCountManyUsersInOneCall() {
			long alice = newUser();
			long bob = newUser();
			long stranger = unknownUser();
			as(alice, "POST", "/api/v1/users/" + bob + "/follow");

			JsonNode items = call("POST", "/internal/users/counts", tokens.user(alice),
					"{\"ids\":[\"" + bob + "\",\"" + stranger + "\",\"" + alice + "\",\"" + bob + "\"]}")
				.json()
				.get("items");

			List<String> rows = new ArrayList<>();
			items.forEach((item) -> rows.add(item.get("id").asString() + ":" + item.get("followersCount").asLong() + ":"
					+ item.get("followingCount").asLong()));
			assertThat(rows).containsExactly(bob + ":1:0", stranger + ":0:0", alice + ":0:1");
		}

		@Test
		void shouldRefuseToFollowYourself() {
			long alice = newUser();

			Response response = as(alice, "POST", "/api/v1/users/" + alice + "/follow");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://murmur.example/problems/cannot-follow-self");
		}

		@Test
		void shouldAnswerNotFoundForAUserThatDoesNotExist() {
			long alice = newUser();
			long nobody = unknownUser();

			Response response = as(alice, "POST", "/api/v1/users/" + nobody + "/follow");

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().get("type").asString())
				.isEqualTo("https://murmur.example/problems/user-not-found");
			assertCounts(alice, 0, 0);
		}

		@Test
		void shouldFollowAUserWhoseRegistrationTheGraphHasNotSeenYet() {
			long alice = newUser();
			long newcomer = newUser();
			String token = tokens.user(alice);

			assertThat(call("POST", "/api/v1/users/" + newcomer + "/follow", token).status()).isEqualTo(204);

			assertCounts(newcomer, 1, 0);
			assertThat(userService.lookups()).anySatisfy((lookup) -> {
				assertThat(lookup.body()).contains("\"" + newcomer + "\"");
				assertThat(lookup.authorization()).isEqualTo("Bearer " + token);
			});
		}

	}

	@Nested
	class Pages {

		@Test
		void shouldPageFollowersNewestFirstWithoutGapsOrRepeats() {
			long star = newUser();
			List<String> fans = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				long fan = newUser();
				as(fan, "POST", "/api/v1/users/" + star + "/follow");
				fans.add(Long.toString(fan));
			}

			List<String> seen = new ArrayList<>();
			List<Integer> sizes = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = as(star, "GET",
						"/api/v1/users/" + star + "/followers?limit=3" + ((cursor != null) ? "&cursor=" + cursor : ""))
					.json();
				sizes.add(page.get("items").size());
				page.get("items").forEach((item) -> {
					seen.add(item.get("id").asString());
					assertThat(item.get("followedAt").asString()).endsWith("Z");
				});
				cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			}
			while (cursor != null);

			assertThat(seen).containsExactlyElementsOf(fans.reversed());
			assertThat(sizes).containsExactly(3, 3, 1);
		}

		@Test
		void shouldPageFollowingNewestFirst() {
			long fan = newUser();
			List<String> stars = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				long star = newUser();
				as(fan, "POST", "/api/v1/users/" + star + "/follow");
				stars.add(Long.toString(star));
			}

			JsonNode first = as(fan, "GET", "/api/v1/users/" + fan + "/following?limit=2").json();
			JsonNode second = as(fan, "GET",
					"/api/v1/users/" + fan + "/following?limit=2&cursor=" + first.get("nextCursor").asString())
				.json();

			List<String> seen = new ArrayList<>();
			first.get("items").forEach((item) -> seen.add(item.get("id").asString()));
			second.get("items").forEach((item) -> seen.add(item.get("id").asString()));
			assertThat(seen).containsExactlyElementsOf(stars.reversed());
			assertThat(second.get("nextCursor").isNull()).isTrue();
		}

		@Test
		void shouldAnswerTheViewersRelationshipForEachIdInOrder() {
			long viewer = newUser();
			long followed = newUser();
			long follower = newUser();
			long mutual = newUser();
			long stranger = unknownUser();
			as(viewer, "POST", "/api/v1/users/" + followed + "/follow");
			as(follower, "POST", "/api/v1/users/" + viewer + "/follow");
			as(viewer, "POST", "/api/v1/users/" + mutual + "/follow");
			as(mutual, "POST", "/api/v1/users/" + viewer + "/follow");

			Response response = as(viewer, "GET", "/api/v1/relationships?ids=" + stranger + "," + followed + ","
					+ follower + "&ids=" + mutual + "," + followed);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode items = response.json().get("items");

			List<String> rows = new ArrayList<>();
			items.forEach((item) -> rows.add(item.get("id").asString() + ":" + item.get("following").asBoolean() + ":"
					+ item.get("followedBy").asBoolean()));
			assertThat(rows).containsExactly(stranger + ":false:false", followed + ":true:false",
					follower + ":false:true", mutual + ":true:true");
		}

	}

	@Nested
	class Plans {

		/**
		 * The planner only knows a relationship property once some relationship has it;
		 * on an empty database every plan is a scan of nothing.
		 */
		@BeforeEach
		void someFollowsExist() {
			try (Session session = FollowJourneyIntegrationTests.this.driver.session()) {
				session.run("""
						UNWIND range(1, 200) AS i
						MERGE (a:User {id: 7000000 + i})
						MERGE (b:User {id: 7000000 + (i % 7)})
						MERGE (a)-[:FOLLOWS {followerId: 7000000 + i, followeeId: 7000000 + (i % 7), since: i}]->(b)
						""").consume();
			}
		}

		@Test
		void shouldSeekFollowersAndFollowingInIndexOrderWithoutReadingOrSortingThemAll() {
			Map<String, Object> parameters = Map.of("user", 1L, "since", Long.MAX_VALUE, "other", Long.MAX_VALUE,
					"limit", 21);

			QueryPlans.assertSeeksInIndexOrder(FollowJourneyIntegrationTests.this.driver, FollowRepository.FOLLOWERS,
					parameters);
			QueryPlans.assertSeeksInIndexOrder(FollowJourneyIntegrationTests.this.driver, FollowRepository.FOLLOWING,
					parameters);
		}

	}

}
