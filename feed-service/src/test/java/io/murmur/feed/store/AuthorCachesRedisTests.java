package io.murmur.feed.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.feed.store.FeedEntry.Position;

import static io.murmur.feed.store.StoreRedis.newUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authors' caches for the pull side against a real Redis: of 20 entries, trimmed on every
 * insert past that.
 */
class AuthorCachesRedisTests {

	private final AuthorCaches authors = StoreRedis.authorCaches();

	@Test
	void shouldTakePushesOnlyOnceBuiltAndKeepTheNewestEntriesUpToItsSize() {
		long author = newUser();
		this.authors.push(author, FeedEntry.post(1, 1_001));
		assertThat(this.authors.touch(author)).isNull();

		List<FeedEntry> timeline = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			timeline.add(FeedEntry.post(i, 1_000 + i));
		}
		this.authors.build(author, timeline, false);
		assertThat(this.authors.touch(author)).isEqualTo(new CacheState(true, false));

		this.authors.push(author, FeedEntry.post(21, 1_021));

		assertThat(this.authors.entries(author, null, 100)).hasSize(20).first().isEqualTo(FeedEntry.post(21, 1_021));
		assertThat(this.authors.oldest(author)).isEqualTo(new Position(1_002, 2));
		assertThat(this.authors.touch(author)).isEqualTo(new CacheState(true, true));
	}

	@Test
	void shouldDropARemovedPostAndTellWhichFollowedAuthorsArePulled() {
		long author = newUser();
		this.authors.build(author, List.of(FeedEntry.repost(7, 1_000, author), FeedEntry.post(8, 1_001)), false);

		this.authors.remove(author, 7);
		this.authors.markPulled(author, true);

		assertThat(this.authors.entries(author, null, 10)).containsExactly(FeedEntry.post(8, 1_001));
		assertThat(this.authors.pulledAuthors()).contains(author);
		this.authors.markPulled(author, false);
		assertThat(this.authors.pulledAuthors()).doesNotContain(author);
	}

	@Test
	void shouldCacheAReadersPulledFolloweesEvenWhenThereAreNone() {
		long reader = newUser();
		assertThat(this.authors.celebrities(reader)).isNull();

		this.authors.cacheCelebrities(reader, List.of(), Duration.ofMinutes(1));
		assertThat(this.authors.celebrities(reader)).isEmpty();

		this.authors.cacheCelebrities(reader, List.of(3L, 4L), Duration.ofMinutes(1));
		assertThat(this.authors.celebrities(reader)).containsExactly(3L, 4L);
	}

}
