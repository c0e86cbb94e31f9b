package io.murmur.feed.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.store.EntrySets.Cap;
import io.murmur.feed.store.EntrySets.Keys;
import io.murmur.feed.store.FeedEntry.Position;

/**
 * The pull side in Redis: each author's newest entries ({@code author:{id}}, shaped like
 * a home feed, see {@link EntrySets}), which readers merge in for the authors whose posts
 * fan-out does not push; the set of those authors; and, per reader, which of them they
 * follow. An author's cache is trimmed on every insert past its size: one insert per post
 * of the author, too few for a slack to pay.
 */
@Component
public class AuthorCaches {

	private final StringRedisTemplate redis;

	private final EntrySets sets;

	private final FeedProperties.FanOut settings;

	private final Cap cap;

	AuthorCaches(StringRedisTemplate redis, EntrySets sets, FeedProperties properties) {
		this.redis = redis;
		this.sets = sets;
		this.settings = properties.fanOut();
		this.cap = new Cap(this.settings.authorCacheSize(), 0);
	}

	/**
	 * Renews an author's cache as it is read.
	 * @param authorId the author
	 * @return the cache's state, or {@code null} if Redis does not keep it
	 */
	public @Nullable CacheState touch(long authorId) {
		return this.sets.touch(keys(authorId), null, this.settings.authorCacheTtl());
	}

	/**
	 * Fills an author's cache from their timeline, merging what events wrote meanwhile.
	 * @param authorId the author
	 * @param entries their newest entries
	 * @param truncated whether the timeline had older entries than those given
	 */
	public void build(long authorId, List<FeedEntry> entries, boolean truncated) {
		Keys author = keys(authorId);
		this.sets.begin(author, this.settings.authorCacheTtl());
		this.sets.build(author, this.cap, this.settings.authorCacheTtl(), entries, truncated);
	}

	/**
	 * Adds a new entry to an author's cache if Redis keeps it.
	 * @param authorId the author
	 * @param entry the entry
	 */
	public void push(long authorId, FeedEntry entry) {
		this.sets.push(keys(authorId), this.cap, List.of(entry));
	}

	/**
	 * Removes a post from an author's cache: deleted, or no longer reposted.
	 * @param authorId the author
	 * @param postId the post
	 */
	public void remove(long authorId, long postId) {
		this.redis.opsForZSet().remove(FeedKeys.author(authorId), FeedKeys.member(postId));
		this.redis.opsForHash().delete(FeedKeys.authorReposts(authorId), FeedKeys.member(postId));
	}

	/**
	 * The newest entries of an author's cache after a position.
	 * @param authorId the author
	 * @param after the position to start after, or {@code null} for the top
	 * @param count how many at most
	 * @return the entries, newest first
	 */
	public List<FeedEntry> entries(long authorId, @Nullable Position after, int count) {
		return this.sets.range(keys(authorId), after, count);
	}

	/**
	 * The oldest entry an author's cache holds.
	 * @param authorId the author
	 * @return the entry, or {@code null} if the cache is empty
	 */
	public @Nullable Position oldest(long authorId) {
		return this.sets.oldest(keys(authorId));
	}

	/**
	 * Records whether fan-out pulls an author's posts, so that readers who follow them
	 * merge their posts from the moment fan-out stops pushing them.
	 * @param authorId the author
	 * @param pulled whether their posts are pulled
	 */
	public void markPulled(long authorId, boolean pulled) {
		if (pulled) {
			this.redis.opsForSet().add(FeedKeys.pulledAuthors(), Long.toString(authorId));
		}
		else {
			this.redis.opsForSet().remove(FeedKeys.pulledAuthors(), Long.toString(authorId));
		}
	}

	/**
	 * Every author whose posts fan-out last decided to pull.
	 * @return their ids
	 */
	public List<Long> pulledAuthors() {
		Set<String> pulled = this.redis.opsForSet().members(FeedKeys.pulledAuthors());
		return (pulled != null) ? pulled.stream().map(Long::valueOf).toList() : List.of();
	}

	/**
	 * The followed authors whose posts a reader pulls, as cached.
	 * @param userId the reader
	 * @return the authors, or {@code null} when not cached
	 */
	public @Nullable List<Long> celebrities(long userId) {
		String cached = this.redis.opsForValue().get(FeedKeys.celebrities(userId));
		if (cached == null) {
			return null;
		}
		return cached.isEmpty() ? List.of() : Arrays.stream(cached.split(",")).map(Long::valueOf).toList();
	}

	/**
	 * Caches the followed authors whose posts a reader pulls.
	 * @param userId the reader
	 * @param authorIds the authors
	 * @param ttl how long to keep the list
	 */
	public void cacheCelebrities(long userId, List<Long> authorIds, Duration ttl) {
		this.redis.opsForValue()
			.set(FeedKeys.celebrities(userId), String.join(",", authorIds.stream().map(String::valueOf).toList()), ttl);
	}

	private static Keys keys(long authorId) {
		return new Keys(FeedKeys.author(authorId), FeedKeys.authorMeta(authorId), FeedKeys.authorReposts(authorId));
	}

}
