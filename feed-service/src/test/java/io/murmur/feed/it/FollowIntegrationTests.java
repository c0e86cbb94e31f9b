package io.murmur.feed.it;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.events.Topics;
import io.murmur.feed.it.StubPostService.Entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follows and unfollows from the graph topic changing a kept feed in place.
 */
class FollowIntegrationTests extends FeedIntegrationTests {

	@Test
	void shouldBringAFolloweesNewestPostsInOnFollowAndTakeThemOutOnUnfollow() {
		long reader = newUser();
		long author = newUser();
		assertThat(feed(reader)).isEmpty();
		List<Entry> written = new ArrayList<>();
		for (int i = 0; i < BACKFILL + 2; i++) {
			written.add(post(author, "Post " + i));
		}
		List<Entry> newest = written.subList(2, written.size()).reversed();
		awaitConsumed(Topics.POST);

		follow(reader, author);

		awaitFeed(reader, newest.toArray(Entry[]::new));
		assertThat(newest).allSatisfy((post) -> assertThat(inRedisFeed(reader, post)).isTrue());
		assertThat(inRedisFeed(reader, written.get(0))).as("older than the backfill").isFalse();

		unfollow(reader, author);

		await().atMost(DELIVERY).until(() -> newest.stream().noneMatch((post) -> inRedisFeed(reader, post)));
		assertThat(feed(reader)).isEmpty();
	}

}
