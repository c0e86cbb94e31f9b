package io.murmur.feed.store;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.feed.store.FeedStore.ActorEntry;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.redis.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed structures and their scripts against a real Redis.
 */
class FeedStoreRedisTests {

	private static final int FEED_SIZE = 20;

	private static final int FEEDS_PER_SCRIPT = 7;

	private static final AtomicLong ids = new AtomicLong(System.nanoTime() / 1000);

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private static FeedStore store;

	@BeforeAll
	static void connect() {
		LocalStack.shared().start(Store.REDIS);
		RedisServer server = LocalStack.shared().redis();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
		store = store(Duration.ofMinutes(5));
	}

	/**
	 * A store whose feeds are kept for the given window after each read.
	 */
	static FeedStore store(Duration inactiveAfter) {
		FeedProperties properties = new FeedProperties(
				new FeedProperties.FanOut(3, FEED_SIZE, inactiveAfter, 5, 100, Duration.ofMinutes(10), FEEDS_PER_SCRIPT,
						2, 20, Duration.ofMinutes(5)),
				new FeedProperties.Read(20, 100, Duration.ofSeconds(60), Duration.ofSeconds(30)),
				new FeedProperties.Services(URI.create("http://graph"), URI.create("http://post"),
						URI.create("http://user"), Duration.ofSeconds(1), Duration.ofSeconds(1)),
				new FeedProperties.Kafka(1, 1, 1));
		return new FeedStore(redis, properties);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	static long newUser() {
		return ids.incrementAndGet();
	}

	static long keptFeed() {
		long user = newUser();
		store.beginFeed(user);
		store.completeFeed(user, List.of(), List.of(), false);
		return user;
	}

	@Nested
	class Pushing {

		@Test
		void shouldPushIntoKeptFeedsOnlyAndCountTheDeliveries() {
			long active = keptFeed();
			long inactive = newUser();

			int delivered = store.push(List.of(active, inactive), FeedEntry.post(101, 1_000));

			assertThat(delivered).isEqualTo(1);
			assertThat(store.feed(active, null, 10)).extracting(FeedEntry::postId).containsExactly(101L);
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

			int delivered = store.push(followers, FeedEntry.post(202, 2_000));

			assertThat(store.scriptGroups(followers)).hasSize(4);
			assertThat(delivered).isEqualTo(kept.size());
			assertThat(kept)
				.allSatisfy((follower) -> assertThat(store.feed(follower, null, 10)).extracting(FeedEntry::postId)
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

			List<List<Long>> groups = FeedStore.scriptGroups(users, 4,
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
				store.push(List.of(user), FeedEntry.post(i, 1_000 + i));
			}

			List<FeedEntry> feed = store.feed(user, null, 100);

			assertThat(feed).hasSize(FEED_SIZE);
			assertThat(feed.get(0).postId()).isEqualTo(FEED_SIZE + 5);
			assertThat(feed.get(FEED_SIZE - 1).postId()).isEqualTo(6);
			assertThat(store.touchFeed(user)).isEqualTo(new FeedStore.State(true, true));
			assertThat(store.oldestOfFeed(user)).isEqualTo(new Position(1_006, 6));
		}

		@Test
		void shouldShowAPostRepostedByManyOnceNamingThemAllAtItsLatestTime() {
			long user = keptFeed();
			store.push(List.of(user), FeedEntry.post(7, 1_000));
			store.push(List.of(user), FeedEntry.repost(7, 3_000, 42));
			store.push(List.of(user), FeedEntry.repost(7, 2_000, 43));
			store.push(List.of(user), FeedEntry.repost(7, 3_000, 42));

			List<FeedEntry> feed = store.feed(user, null, 10);

			assertThat(feed).containsExactly(new FeedEntry(7, 3_000, List.of(42L, 43L)));
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
			store.push(user, entries);

			List<Long> read = new ArrayList<>();
			Position after = null;
			for (int page = 0; page < 5; page++) {
				List<FeedEntry> entriesOfPage = store.feed(user, after, 2);
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
			store.push(List.of(first, second), FeedEntry.repost(11, 1_000, 5));
			store.push(List.of(first, second), FeedEntry.post(12, 2_000));

			store.removePost(List.of(first, second), 11);

			assertThat(store.feed(first, null, 10)).extracting(FeedEntry::postId).containsExactly(12L);
			assertThat(store.feed(second, null, 10)).extracting(FeedEntry::postId).containsExactly(12L);
			assertThat(redis.opsForHash().hasKey(FeedKeys.feedReposts(first), FeedKeys.member(11))).isFalse();
		}

		@Test
		void shouldTakeAnActorsPostsOutButKeepWhatOthersTheOwnerFollowsReposted() {
			long owner = keptFeed();
			long actor = 900;
			long friend = 901;
			long followedAuthor = 902;
			long strangerAuthor = 903;
			store.follow(owner, friend);
			store.follow(owner, followedAuthor);
			store.push(owner,
					List.of(FeedEntry.post(21, 1_000), FeedEntry.post(22, 1_001), FeedEntry.repost(22, 1_500, friend),
							FeedEntry.repost(23, 1_600, actor), FeedEntry.repost(24, 1_700, actor),
							FeedEntry.post(25, 1_800)));

			long removed = store.removeActor(owner, actor,
					List.of(new ActorEntry(21, false, actor), new ActorEntry(22, false, actor),
							new ActorEntry(23, true, followedAuthor), new ActorEntry(24, true, strangerAuthor)));

			assertThat(removed).isEqualTo(2);
			assertThat(store.feed(owner, null, 10)).containsExactly(FeedEntry.post(25, 1_800),
					FeedEntry.post(23, 1_600), new FeedEntry(22, 1_500, List.of(friend)));
		}

	}

	@Nested
	class Followers {

		@Test
		void shouldServeAnAuthorsFollowersOnlyOnceTheirCopyIsFilledAndKeepItCurrentWithFollows() {
			long author = newUser();
			assertThat(store.followers(author)).isNull();

			assertThat(store.beginFollowers(author, Duration.ofMinutes(10))).isTrue();
			assertThat(store.beginFollowers(author, Duration.ofMinutes(10))).isFalse();
			store.addFollowers(author, List.of(11L, 12L));
			store.addFollowers(author, List.of(13L));
			assertThat(store.followers(author)).isNull();
			assertThat(store.followersFilled(author)).isTrue();
			assertThat(store.followers(author)).containsExactlyInAnyOrder(11L, 12L, 13L);

			store.addFollowers(author, List.of(14L));
			store.removeFollower(author, 11L);

			assertThat(store.followers(author)).containsExactlyInAnyOrder(12L, 13L, 14L);
		}

		@Test
		void shouldKeepFollowsMadeWhileTheCopyIsFilledAndExpireTheSetWithItsState() {
			long author = newUser();
			store.beginFollowers(author, Duration.ofSeconds(30));
			store.addFollowers(author, List.of(21L));
			store.addFollowers(author, List.of(22L));
			store.followersFilled(author);

			assertThat(store.followers(author)).containsExactlyInAnyOrder(21L, 22L);
			long setTtl = redis.getExpire(FeedKeys.followers(author));
			long stateTtl = redis.getExpire(FeedKeys.followersState(author));
			assertThat(setTtl).isBetween(1L, 30L);
			assertThat(stateTtl).isBetween(setTtl - 1, setTtl);
		}

		@Test
		void shouldKeepNoCopyOfAnAuthorNobodyBeganToFillAndAnEmptyOneForAnAuthorWithoutFollowers() {
			long stranger = newUser();
			long loner = newUser();

			store.addFollowers(stranger, List.of(31L));
			store.beginFollowers(loner, Duration.ofMinutes(10));
			store.followersFilled(loner);

			assertThat(redis.hasKey(FeedKeys.followers(stranger))).isFalse();
			assertThat(store.followers(stranger)).isNull();
			assertThat(store.followers(loner)).isEmpty();
		}

		@Test
		void shouldNotServeACopyThatExpiredWhileItWasFilled() {
			long author = newUser();
			store.beginFollowers(author, Duration.ofMinutes(10));
			store.addFollowers(author, List.of(41L));
			redis.delete(FeedKeys.followersState(author));

			assertThat(store.followersFilled(author)).isFalse();
			assertThat(store.followers(author)).isNull();
			assertThat(store.beginFollowers(author, Duration.ofMinutes(10))).isTrue();
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

			assertThat(store.touchFeed(user)).isNull();
			assertThat(store.push(List.of(user), FeedEntry.post(31, 1_000))).isZero();
		}

		@Test
		void shouldExpireTheEntriesPushedIntoAnEmptyFeedWithItAndPushNothingMoreOnceItsWindowPassed() {
			FeedStore shortWindow = store(Duration.ofSeconds(2));
			long user = newUser();
			shortWindow.beginFeed(user);
			shortWindow.completeFeed(user, List.of(), List.of(), false);

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
