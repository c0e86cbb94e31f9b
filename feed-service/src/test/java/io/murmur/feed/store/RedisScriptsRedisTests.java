package io.murmur.feed.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.murmur.feed.store.RedisScripts.Script;

import static io.murmur.feed.store.StoreRedis.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scripts keep working when Redis forgets them (a restart, a fail-over, {@code SCRIPT
 * FLUSH}), one call at a time and in pipelines, against a real Redis.
 */
class RedisScriptsRedisTests {

	private static final Script MERGE = EntrySets.MERGE;

	private final StringRedisTemplate redis = StoreRedis.redis();

	private final RedisScripts scripts = StoreRedis.scripts();

	private final HomeFeeds feeds = StoreRedis.homeFeeds(Duration.ofMinutes(5));

	@Test
	void shouldRunAScriptRedisForgotWithItsTextAndLeaveItCachedAgain() {
		long author = newUser();
		StoreRedis.flushScripts();

		assertThat(StoreRedis.followerSets().begin(author, Duration.ofMinutes(1))).isTrue();

		assertThat(isCached(Script.load("followers.lua"))).isTrue();
	}

	@Test
	void shouldDeliverToEveryKeptFeedWhenRedisForgotTheScriptBeforeAPipeline() {
		List<Long> followers = keptFeeds(3 * StoreRedis.FEEDS_PER_SCRIPT + 2);
		StoreRedis.flushScripts();

		int delivered = this.feeds.push(followers, FeedEntry.post(301, 3_000));

		assertThat(delivered).isEqualTo(followers.size());
		assertThat(followers).allSatisfy((follower) -> assertThat(this.feeds.entries(follower, null, 10))
			.containsExactly(FeedEntry.post(301, 3_000)));
		assertThat(isCached(MERGE)).isTrue();
	}

	@Test
	void shouldCompleteAPipelineDuringWhichRedisForgetsTheScript() {
		List<Long> followers = keptFeeds(40);
		byte[][] arguments = EntrySets
			.mergeArguments("push", new EntrySets.Cap(20, 0), Duration.ZERO, false, List.of(FeedEntry.post(302, 3_000)))
			.stream()
			.map(RedisScripts::bytes)
			.toArray(byte[][]::new);

		List<Object> replies = this.scripts.pipeline(followers, (pipeline, follower) -> {
			if (follower.equals(followers.get(followers.size() / 2))) {
				StoreRedis.flushScripts();
			}
			pipeline.run(MERGE, keys(follower), arguments);
		});

		assertThat(replies).hasSize(followers.size()).containsOnly(1L);
		assertThat(followers).allSatisfy((follower) -> assertThat(this.feeds.entries(follower, null, 10))
			.containsExactly(FeedEntry.post(302, 3_000)));
	}

	@Test
	void shouldThrowAnyOtherErrorOfAPipelineAndLeaveTheConnectionsUsable() {
		long kept = StoreRedis.keptFeed(this.feeds);
		long broken = newUser();
		this.redis.opsForValue().set(FeedKeys.feed(broken), "not a sorted set");

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.feeds.push(List.of(kept, broken), FeedEntry.post(303, 3_000)))
			.satisfies((ex) -> assertThat(RedisScripts.isMissingScript(ex)).isFalse());

		assertThat(this.feeds.push(List.of(kept), FeedEntry.post(304, 4_000))).isEqualTo(1);
		assertThat(this.feeds.entries(kept, null, 10)).extracting(FeedEntry::postId).containsExactly(304L, 303L);
	}

	@Test
	void shouldTellAMissingScriptByTheTypeOfTheErrorNotByItsMessage() {
		assertThat(RedisScripts.isMissingScript(new RedisSystemException("Error in execution",
				new RedisNoScriptException("NOSCRIPT No matching script. Please use EVAL."))))
			.isTrue();
		assertThat(RedisScripts.isMissingScript(new RedisNoScriptException("NOSCRIPT"))).isTrue();
		assertThat(RedisScripts
			.isMissingScript(new InvalidDataAccessApiUsageException("NOSCRIPT No matching script. Please use EVAL.")))
			.isFalse();
	}

	private List<Long> keptFeeds(int count) {
		List<Long> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(StoreRedis.keptFeed(this.feeds));
		}
		return users;
	}

	private static byte[][] keys(long userId) {
		return new byte[][] { RedisScripts.bytes(FeedKeys.feed(userId)), RedisScripts.bytes(FeedKeys.feedMeta(userId)),
				RedisScripts.bytes(FeedKeys.feedReposts(userId)) };
	}

	private boolean isCached(Script script) {
		List<Boolean> exists = this.redis
			.execute((RedisCallback<List<Boolean>>) (connection) -> connection.scriptingCommands()
				.scriptExists(new String(script.sha1(), StandardCharsets.US_ASCII)));
		return exists != null && exists.equals(List.of(true));
	}

}
