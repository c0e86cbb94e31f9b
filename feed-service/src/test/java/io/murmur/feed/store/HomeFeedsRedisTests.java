package io.murmur.feed.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;

import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.feed.store.HomeFeeds.ActorEntry;

import static io.murmur.feed.store.StoreRedis.FEEDS_PER_SCRIPT;
import static io.murmur.feed.store.StoreRedis.FEED_SIZE;
import static io.murmur.feed.store.StoreRedis.TRIM_SLACK;
import static io.murmur.feed.store.StoreRedis.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Home feeds and their scripts against a real Redis: feeds of
 * {@value StoreRedis#FEED_SIZE} entries, trimmed once they hold
 * {@value StoreRedis#TRIM_SLACK} more.
 */
class HomeFeedsRedisTests {

	private final StringRedisTemplate redis = StoreRedis.redis();

	private final HomeFeeds feeds = StoreRedis.homeFeeds(Duration.ofMinutes(5));

	private long keptFeed() {
		return StoreRedis.keptFeed(this.feeds);
	}

	@Nested
	class Pushing {

		@Test
		void shouldPushIntoKeptFeedsOnlyAndCountTheDeliveries() {
			long active = keptFeed();
			long inactive = newUser();

			int delivered = feeds.push(List.of(active, inactive), FeedEntry.post(101, 1_000));

			assertThat(delivered).isEqualTo(1);
			assertThat(feeds.entries(active, null, 10)).extracting(FeedEntry::postId).containsExactly(101L);
			assertThat(redis.hasKey(FeedKeys.feed(inactive))).isFalse();
		}

		@Test
		void shouldPushIntoTheKeptFeedsOfFollowersSpreadOverManyScriptCalls() {
			List<Long> followers = new ArrayList<>();
			List<Long> kept = new ArrayList<>();
			for (int i = 0; i < 3 * FEEDS_PER_SCRIPT + 2; i++) {
				long follower = (i % 3 == 0) ? newUser() : keptFeed();
				followers.add(follower);
				if (i % 3 != 0) {
					kept.add(follower);
				}
			}

			int delivered = feeds.push(followers, FeedEntry.post(202, 2_000));

			assertThat(feeds.scriptGroups(followers)).hasSize(4);
			assertThat(delivered).isEqualTo(kept.size());
			assertThat(kept)
				.allSatisfy((follower) -> assertThat(feeds.entries(follower, null, 10)).extracting(FeedEntry::postId)
					.containsExactly(202L));
			assertThat(followers).filteredOn((follower) -> !kept.contains(follower))
				.allSatisfy((follower) -> assertThat(redis.hasKey(FeedKeys.feed(follower))).isFalse());
		}

		@Test
		void shouldGroupFeedsForOneScriptCallWithinOneClusterSlotAndTheLimit() {
			List<Long> users = new ArrayList<>();
			for (long user = 1; user <= 40; user++) {
				users.add(user);
			}

			List<List<Long>> groups = HomeFeeds.scriptGroups(users, 4,
					(user) -> SlotHash.getSlot(FeedKeys.feed(user)) % 3);

			assertThat(groups).allSatisfy((group) -> {
				assertThat(group).hasSizeLessThanOrEqualTo(4);
				assertThat(group).extracting((user) -> SlotHash.getSlot(FeedKeys.feed(user)) % 3)
					.containsOnly(SlotHash.getSlot(FeedKeys.feed(group.get(0))) % 3);
			});
			assertThat(groups.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(users);
		}

		@Test
		void shouldKeepTheNewestEntriesUpToTheCapAndRememberTheTrim() {
			long user = keptFeed();
			for (int i = 1; i <= FEED_SIZE + 5; i++) {
				feeds.push(List.of(user), FeedEntry.post(i, 1_000 + i));
			}

			List<FeedEntry> feed = feeds.entries(user, null, 100);

			assertThat(feed).hasSize(FEED_SIZE);
			assertThat(feed.get(0).postId()).isEqualTo(FEED_SIZE + 5);
			assertThat(feed.get(FEED_SIZE - 1).postId()).isEqualTo(6);
			assertThat(feeds.touch(user)).isEqualTo(new CacheState(true, true));
			assertThat(feeds.oldest(user)).isEqualTo(new Position(1_006, 6));
		}

		@Test
		void shouldShowAPostRepostedByManyOnceNamingThemAllAtItsLatestTime() {
			long user = keptFeed();
			feeds.push(List.of(user), FeedEntry.post(7, 1_000));
			feeds.push(List.of(user), FeedEntry.repost(7, 3_000, 42));
			feeds.push(List.of(user), FeedEntry.repost(7, 2_000, 43));
			feeds.push(List.of(user), FeedEntry.repost(7, 3_000, 42));

			List<FeedEntry> feed = feeds.entries(user, null, 10);

			assertThat(feed).containsExactly(new FeedEntry(7, 3_000, List.of(42L, 43L)));
		}

	}

	@Nested
	class Trimming {

		@Test
		void shouldHoldUpToTheSlackBeyondTheSizeUntrimmedAndThenTrimBackToTheSize() {
			long user = keptFeed();
			for (int i = 1; i <= FEED_SIZE + TRIM_SLACK; i++) {
				feeds.push(List.of(user), FeedEntry.post(i, 1_000 + i));
			}

			assertThat(feeds.entries(user, null, 100)).hasSize(FEED_SIZE + TRIM_SLACK);
			assertThat(feeds.touch(user)).isEqualTo(new CacheState(true, false));
			assertThat(feeds.oldest(user)).isEqualTo(new Position(1_001, 1));

			feeds.push(List.of(user), FeedEntry.post(FEED_SIZE + TRIM_SLACK + 1, 2_000));

			List<FeedEntry> feed = feeds.entries(user, null, 100);
			assertThat(feed).hasSize(FEED_SIZE);
			assertThat(feed.get(0).postId()).isEqualTo(FEED_SIZE + TRIM_SLACK + 1);
			assertThat(feeds.touch(user)).isEqualTo(new CacheState(true, true));
			assertThat(feeds.oldest(user)).isEqualTo(new Position(1_000 + TRIM_SLACK + 2, TRIM_SLACK + 2));
		}

		@Test
		void shouldForgetTheRepostersOfTrimmedEntriesOnly() {
			long user = keptFeed();
			feeds.push(List.of(user), FeedEntry.repost(1, 1_001, 51));
			feeds.push(List.of(user), FeedEntry.repost(2, 1_002, 52));
			for (int i = 3; i <= FEED_SIZE + TRIM_SLACK; i++) {
				feeds.push(List.of(user), FeedEntry.post(i, 1_000 + i));
			}
			feeds.push(List.of(user), FeedEntry.repost(FEED_SIZE + TRIM_SLACK + 1, 2_000, 53));

			assertThat(redis.<String, String>opsForHash().entries(FeedKeys.feedReposts(user)))
				.containsOnlyKeys(FeedKeys.member(FEED_SIZE + TRIM_SLACK + 1));
		}

		@Test
		void shouldLeaveAFullFeedAsItIsWhenAPushOnlyMovesAnEntryUp() {
			long user = keptFeed();
			for (int i = 1; i <= FEED_SIZE + TRIM_SLACK; i++) {
				feeds.push(List.of(user), FeedEntry.post(i, 1_000 + i));
			}

			feeds.push(List.of(user), FeedEntry.repost(5, 3_000, 61));

			assertThat(feeds.entries(user, null, 100)).hasSize(FEED_SIZE + TRIM_SLACK)
				.first()
				.isEqualTo(new FeedEntry(5, 3_000, List.of(61L)));
			assertThat(feeds.touch(user)).isEqualTo(new CacheState(true, false));
		}

		@Test
		void shouldTrimABuildMergedWithPushesBackToTheSizeAndSayWhetherItHoldsEverything() {
			long complete = newUser();
			feeds.begin(complete);
			feeds.push(List.of(complete), FeedEntry.post(1_000, 9_000));
			List<FeedEntry> few = new ArrayList<>();
			for (int i = 1; i <= FEED_SIZE; i++) {
				few.add(FeedEntry.post(i, 1_000 + i));
			}
			feeds.complete(complete, List.of(), few, false);
			assertThat(feeds.entries(complete, null, 100)).hasSize(FEED_SIZE + 1);
			assertThat(feeds.touch(complete)).isEqualTo(new CacheState(true, false));

			long truncated = newUser();
			feeds.begin(truncated);
			List<FeedEntry> many = new ArrayList<>();
			for (int i = 1; i <= 2 * FEED_SIZE; i++) {
				many.add(FeedEntry.post(i, 1_000 + i));
			}
			feeds.complete(truncated, List.of(), many, true);
			assertThat(feeds.entries(truncated, null, 100)).hasSize(FEED_SIZE);
			assertThat(feeds.touch(truncated)).isEqualTo(new CacheState(true, true));
		}

	}

	@Nested
	class Paging {

		@Test
		void shouldOrderByTimeThenPostIdAndContinueStrictlyAfterAPosition() {
			long user = keptFeed();
			List<FeedEntry> entries = new ArrayList<>();
			for (long id = 1; id <= 9; id++) {
				entries.add(FeedEntry.post(id, 5_000 + (id / 3)));
			}
			feeds.push(user, entries);

			List<Long> read = new ArrayList<>();
			Position after = null;
			for (int page = 0; page < 5; page++) {
				List<FeedEntry> entriesOfPage = feeds.entries(user, after, 2);
				entriesOfPage.forEach((entry) -> read.add(entry.postId()));
				if (entriesOfPage.isEmpty()) {
					break;
				}
				after = entriesOfPage.get(entriesOfPage.size() - 1).position();
			}

			assertThat(read).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
		}

	}

	@Nested
	class Removing {

		@Test
		void shouldRemoveADeletedPostFromEveryFeed() {
			long first = keptFeed();
			long second = keptFeed();
			feeds.push(List.of(first, second), FeedEntry.repost(11, 1_000, 5));
			feeds.push(List.of(first, second), FeedEntry.post(12, 2_000));

			feeds.removePost(List.of(first, second), 11);

			assertThat(feeds.entries(first, null, 10)).extracting(FeedEntry::postId).containsExactly(12L);
			assertThat(feeds.entries(second, null, 10)).extracting(FeedEntry::postId).containsExactly(12L);
			assertThat(redis.opsForHash().hasKey(FeedKeys.feedReposts(first), FeedKeys.member(11))).isFalse();
		}

		@Test
		void shouldTakeAnActorsPostsOutButKeepWhatOthersTheOwnerFollowsReposted() {
			long owner = keptFeed();
			long actor = 900;
			long friend = 901;
			long followedAuthor = 902;
			long strangerAuthor = 903;
			feeds.follow(owner, friend);
			feeds.follow(owner, followedAuthor);
			feeds.push(owner,
					List.of(FeedEntry.post(21, 1_000), FeedEntry.post(22, 1_001), FeedEntry.repost(22, 1_500, friend),
							FeedEntry.repost(23, 1_600, actor), FeedEntry.repost(24, 1_700, actor),
							FeedEntry.post(25, 1_800)));

			long removed = feeds.removeActor(owner, actor,
					List.of(new ActorEntry(21, false, actor), new ActorEntry(22, false, actor),
							new ActorEntry(23, true, followedAuthor), new ActorEntry(24, true, strangerAuthor)));

			assertThat(removed).isEqualTo(2);
			assertThat(feeds.entries(owner, null, 10)).containsExactly(FeedEntry.post(25, 1_800),
					FeedEntry.post(23, 1_600), new FeedEntry(22, 1_500, List.of(friend)));
		}

		@Test
		void shouldTakeAnActorsRepostOutOfManyFeedsInOnePipeline() {
			long follows = keptFeed();
			long followsNot = keptFeed();
			long author = 910;
			long actor = 911;
			feeds.follow(follows, author);
			feeds.push(List.of(follows, followsNot), FeedEntry.repost(31, 1_000, actor));

			feeds.removeActor(List.of(follows, followsNot), actor, List.of(new ActorEntry(31, true, author)));

			assertThat(feeds.entries(follows, null, 10)).containsExactly(FeedEntry.post(31, 1_000));
			assertThat(feeds.entries(followsNot, null, 10)).isEmpty();
		}

	}

	@Nested
	class Keys {

		@Test
		void shouldKeepEveryKeyOfAUserInOneClusterSlot() {
			long user = 123456789;
			int slot = SlotHash.getSlot(FeedKeys.feed(user));
			assertThat(List.of(FeedKeys.feedMeta(user), FeedKeys.feedReposts(user), FeedKeys.following(user),
					FeedKeys.celebrities(user), FeedKeys.author(user), FeedKeys.authorMeta(user),
					FeedKeys.authorReposts(user)))
				.allSatisfy((key) -> assertThat(SlotHash.getSlot(key)).isEqualTo(slot));
			assertThat(SlotHash.getSlot(FeedKeys.feed(user + 1))).isNotEqualTo(slot);
		}

		@Test
		void shouldForgetAFeedThatWasNotReadWithinTheWindow() {
			long user = keptFeed();
			redis.delete(FeedKeys.feedMeta(user));

			assertThat(feeds.touch(user)).isNull();
			assertThat(feeds.push(List.of(user), FeedEntry.post(31, 1_000))).isZero();
		}

		@Test
		void shouldExpireTheEntriesPushedIntoAnEmptyFeedWithItAndPushNothingMoreOnceItsWindowPassed() {
			HomeFeeds shortWindow = StoreRedis.homeFeeds(Duration.ofSeconds(2));
			long user = newUser();
			shortWindow.begin(user);
			shortWindow.complete(user, List.of(), List.of(), false);

			assertThat(shortWindow.push(List.of(user), FeedEntry.post(32, 1_000))).isEqualTo(1);
			assertThat(shortWindow.push(List.of(user), FeedEntry.repost(33, 2_000, 44))).isEqualTo(1);
			assertThat(List.of(FeedKeys.feed(user), FeedKeys.feedReposts(user)))
				.allSatisfy((key) -> assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(1L, 2_000L));

			await().atMost(Duration.ofSeconds(10)).until(() -> !redis.hasKey(FeedKeys.feedMeta(user)));
			assertThat(shortWindow.push(List.of(user), FeedEntry.post(34, 3_000))).isZero();
			assertThat(redis.hasKey(FeedKeys.feed(user))).isFalse();
			assertThat(redis.hasKey(FeedKeys.feedReposts(user))).isFalse();
		}

	}

}
