package io.murmur.feed.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.data.redis.core.RedisCallback;

import io.murmur.feed.it.StubPostService.Entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading home feeds: what a page may show, rebuilding what Redis lost, and paging past
 * the window Redis keeps.
 */
class FeedReadIntegrationTests extends FeedIntegrationTests {

	@Test
	void shouldShowAReplyOnlyToReadersWhoFollowTheRepliedToAuthorToo() {
		long asker = newUser();
		long answerer = newUser();
		long followsBoth = newUser();
		long followsAnswerer = newUser();
		follow(followsBoth, asker);
		follow(followsBoth, answerer);
		follow(followsAnswerer, answerer);
		assertThat(feed(followsBoth)).isEmpty();
		assertThat(feed(followsAnswerer)).isEmpty();

		Entry question = post(asker, "Anyone?");
		Entry answer = reply(answerer, "Me", question);

		awaitFeed(followsBoth, answer, question);
		await().atMost(DELIVERY).until(() -> inRedisFeed(followsAnswerer, answer));
		assertThat(feed(followsAnswerer)).isEmpty();
	}

	@Test
	void shouldRebuildAFeedRedisLostFromTheGraphAndThePostsRatherThanServeItEmpty() {
		long reader = newUser();
		long first = newUser();
		long second = newUser();
		graph.follow(reader, first);
		graph.follow(reader, second);
		Entry older = posts.post(first, "Older");
		Entry newer = posts.post(second, "Newer");
		Entry own = posts.post(reader, "Mine");
		assertThat(feed(reader)).containsExactly(own.id(), newer.id(), older.id());

		this.redis.delete(this.redis.keys("feed:{" + reader + "}*"));

		assertThat(feed(reader)).containsExactly(own.id(), newer.id(), older.id());
		assertThat(inRedisFeed(reader, own)).isTrue();
	}

	/**
	 * Redis that holds every command longer than the client waits, as it does while it
	 * comes back from a restart: the read is a 503 problem the client may retry, not a
	 * 500.
	 */
	@Test
	void shouldAnswer503WhenRedisDoesNotAnswerInTime() {
		long reader = newUser();
		assertThat(feed(reader)).isEmpty();
		this.redis.execute((RedisCallback<Object>) (connection) -> connection.execute("CLIENT",
				"PAUSE".getBytes(StandardCharsets.US_ASCII), "4000".getBytes(StandardCharsets.US_ASCII),
				"ALL".getBytes(StandardCharsets.US_ASCII)));

		HttpResponse<String> response = read(reader, "?limit=20");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(feed(reader)).isEmpty());
	}

	/**
	 * A build slower than a read waits (by a second, well within the time one call to
	 * post-service may take): the reads answer 503 with {@code Retry-After} instead of
	 * running into the gateway's timeout, share one build that goes on after they have
	 * answered, and the feed is there once it is done.
	 */
	@Test
	void shouldAnswer503WithRetryAfterWhileAFeedIsStillBeingBuiltAndServeItOnceBuilt() throws Exception {
		long reader = newUser();
		long author = newUser();
		graph.follow(reader, author);
		Entry post = posts.post(author, "Worth the wait");
		posts.slowTimelinesBy(BUILD_WAIT.plusSeconds(1));
		try {
			long started = System.nanoTime();
			CompletableFuture<HttpResponse<String>> other = CompletableFuture.supplyAsync(() -> read(reader, ""));
			HttpResponse<String> response = read(reader, "?limit=20");
			Duration waited = Duration.ofNanos(System.nanoTime() - started);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(StubServer.json.readTree(response.body()).get("detail").asString())
				.contains("being put together");
			assertThat(waited).isLessThan(BUILD_WAIT.multipliedBy(2));
			assertThat(other.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
		}
		finally {
			posts.slowTimelinesBy(Duration.ZERO);
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(reader)).containsExactly(post.id()));
		assertThat(posts.timelineReadsOf(reader)).isEqualTo(1);
	}

	@Test
	void shouldPageFromTheWindowRedisKeepsIntoTheTimelinesWithoutGapOrDuplicate() {
		long reader = newUser();
		long first = newUser();
		long second = newUser();
		follow(reader, first);
		follow(reader, second);
		assertThat(feed(reader)).isEmpty();
		List<Long> written = new ArrayList<>();
		Entry last = null;
		for (int i = 0; i < 2 * FEED_SIZE + 5; i++) {
			last = post((i % 2 == 0) ? first : second, "Post " + i);
			written.add(0, last.id());
		}
		Entry newest = last;
		await().atMost(DELIVERY).until(() -> inRedisFeed(reader, newest));
		assertThat(this.redis.opsForZSet().size("feed:{" + reader + "}")).isBetween((long) FEED_SIZE,
				(long) FEED_SIZE + TRIM_SLACK);

		List<Long> read = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = page(reader, 7, cursor);
			read.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			if (pages++ == 0) {
				post(first, "Arrives on top while the reader scrolls");
			}
		}
		while (cursor != null && pages < 20);

		assertThat(read).hasSameSizeAs(new HashSet<>(read)).isEqualTo(written);
	}

}
