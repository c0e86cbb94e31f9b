package io.murmur.feed.store;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;

import static io.murmur.feed.store.StoreRedis.newUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authors' follower ids kept for fan-out, against a real Redis.
 */
class FollowerSetsRedisTests {

	private final StringRedisTemplate redis = StoreRedis.redis();

	private final FollowerSets store = StoreRedis.followerSets();

	@Test
	void shouldServeAnAuthorsFollowersOnlyOnceTheirCopyIsFilledAndKeepItCurrentWithFollows() {
		long author = newUser();
		assertThat(this.store.followers(author)).isNull();

		assertThat(this.store.begin(author, Duration.ofMinutes(10))).isTrue();
		assertThat(this.store.begin(author, Duration.ofMinutes(10))).isFalse();
		this.store.add(author, List.of(11L, 12L));
		this.store.add(author, List.of(13L));
		assertThat(this.store.followers(author)).isNull();
		assertThat(this.store.filled(author)).isTrue();
		assertThat(this.store.followers(author)).containsExactlyInAnyOrder(11L, 12L, 13L);

		this.store.add(author, List.of(14L));
		this.store.remove(author, 11L);

		assertThat(this.store.followers(author)).containsExactlyInAnyOrder(12L, 13L, 14L);
	}

	@Test
	void shouldKeepFollowsMadeWhileTheCopyIsFilledAndExpireTheSetWithItsState() {
		long author = newUser();
		this.store.begin(author, Duration.ofSeconds(30));
		this.store.add(author, List.of(21L));
		this.store.add(author, List.of(22L));
		this.store.filled(author);

		assertThat(this.store.followers(author)).containsExactlyInAnyOrder(21L, 22L);
		long setTtl = this.redis.getExpire(FeedKeys.followers(author));
		long stateTtl = this.redis.getExpire(FeedKeys.followersState(author));
		assertThat(setTtl).isBetween(1L, 30L);
		assertThat(stateTtl).isBetween(setTtl - 1, setTtl);
	}

	@Test
	void shouldKeepNoCopyOfAnAuthorNobodyBeganToFillAndAnEmptyOneForAnAuthorWithoutFollowers() {
		long stranger = newUser();
		long loner = newUser();

		this.store.add(stranger, List.of(31L));
		this.store.begin(loner, Duration.ofMinutes(10));
		this.store.filled(loner);

		assertThat(this.redis.hasKey(FeedKeys.followers(stranger))).isFalse();
		assertThat(this.store.followers(stranger)).isNull();
		assertThat(this.store.followers(loner)).isEmpty();
	}

	@Test
	void shouldNotServeACopyThatExpiredWhileItWasFilled() {
		long author = newUser();
		this.store.begin(author, Duration.ofMinutes(10));
		this.store.add(author, List.of(41L));
		this.redis.delete(FeedKeys.followersState(author));

		assertThat(this.store.filled(author)).isFalse();
		assertThat(this.store.followers(author)).isNull();
		assertThat(this.store.begin(author, Duration.ofMinutes(10))).isTrue();
	}

}
