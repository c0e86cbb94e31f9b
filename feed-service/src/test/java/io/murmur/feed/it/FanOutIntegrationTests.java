package io.murmur.feed.it;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.feed.it.StubPostService.Entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Posts, reposts and deletes reaching home feeds from the post topic: pushed into the
 * feeds Redis keeps, pulled at read time for authors with many followers.
 */
class FanOutIntegrationTests extends FeedIntegrationTests {

	@Nested
	class Push {

		@Test
		void shouldPushANewPostIntoTheFeedsOfActiveFollowersAndTheAuthorButNotOfInactiveOnes() {
			long author = newUser();
			long active = newUser();
			long inactive = newUser();
			follow(active, author);
			follow(inactive, author);
			assertThat(feed(active)).isEmpty();
			assertThat(feed(author)).isEmpty();

			Entry post = post(author, "Hello");

			await().atMost(DELIVERY).until(() -> inRedisFeed(active, post) && inRedisFeed(author, post));
			assertThat(redis.hasKey("feed:{" + inactive + "}")).isFalse();
			assertThat(feed(active)).containsExactly(post.id());
			assertThat(feed(author)).containsExactly(post.id());
			assertThat(feed(inactive)).as("rebuilt when they come back").containsExactly(post.id());
		}

		@Test
		void shouldShowAPostRepostedByFolloweesOnceNamingThemAll() {
			long reader = newUser();
			long first = newUser();
			long second = newUser();
			long stranger = newUser();
			follow(reader, first);
			follow(reader, second);
			assertThat(feed(reader)).isEmpty();
			Entry original = post(stranger, "Worth sharing");

			repost(first, original);
			repost(second, original);

			await().atMost(DELIVERY).untilAsserted(() -> {
				JsonNode items = page(reader, 10, null).get("items");
				assertThat(items).hasSize(1);
				assertThat(items.get(0).get("id").asString()).isEqualTo(Long.toString(original.id()));
				assertThat(items.get(0).get("author").get("handle").asString()).isEqualTo("u" + stranger);
				assertThat(items.get(0).get("repostedBy").valueStream().map((user) -> user.get("handle").asString()))
					.containsExactlyInAnyOrder("u" + first, "u" + second);
			});
		}

		@Test
		void shouldRemoveADeletedPostFromEveryFeedItWasPushedInto() {
			long author = newUser();
			long first = newUser();
			long second = newUser();
			follow(first, author);
			follow(second, author);
			List.of(author, first, second).forEach((user) -> assertThat(feed(user)).isEmpty());
			Entry kept = post(author, "Stays");
			Entry deleted = post(author, "Goes");
			await().atMost(DELIVERY)
				.until(() -> List.of(author, first, second).stream().allMatch((user) -> inRedisFeed(user, deleted)));

			delete(deleted);

			await().atMost(DELIVERY)
				.until(() -> List.of(author, first, second).stream().noneMatch((user) -> inRedisFeed(user, deleted)));
			assertThat(List.of(author, first, second))
				.allSatisfy((user) -> assertThat(feed(user)).containsExactly(kept.id()));
		}

	}

	@Nested
	class Pull {

		@Test
		void shouldPullACelebritysPostAtReadTimeWithoutPushingItAndMergeItWithPushedOnes() {
			long celebrity = newUser();
			long ordinary = newUser();
			long reader = newUser();
			for (int i = 1; i < PUSH_THRESHOLD; i++) {
				graph.follow(newUser(), celebrity);
			}
			follow(reader, celebrity);
			follow(reader, ordinary);
			assertThat(feed(reader)).isEmpty();

			Entry pushed = post(ordinary, "From an ordinary author");
			Entry pulled = post(celebrity, "From a celebrity");

			awaitFeed(reader, pulled, pushed);
			assertThat(inRedisFeed(reader, pushed)).isTrue();
			assertThat(inRedisFeed(reader, pulled)).as("pulled, never pushed").isFalse();
			assertThat(redis.opsForZSet().score("author:{" + celebrity + "}", member(pulled.id()))).isNotNull();
		}

	}

}
