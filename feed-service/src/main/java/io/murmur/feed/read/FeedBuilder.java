package io.murmur.feed.read;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.source.GraphSource;
import io.murmur.feed.source.PostSource;
import io.murmur.feed.source.TimelineEntry;
import io.murmur.feed.store.AuthorCaches;
import io.murmur.feed.store.CacheState;
import io.murmur.feed.store.FeedEntry;
import io.murmur.feed.store.HomeFeeds;

/**
 * Builds what Redis does not have from the truth: a home feed from the reader's followees
 * (graph-service) and their timelines (post-service), and an author's cache from the
 * author's timeline. A feed is marked as being built before its sources are read, so that
 * posts fanned out meanwhile land in it; the build then merges into what is there.
 */
@Component
class FeedBuilder {

	private final HomeFeeds feeds;

	private final AuthorCaches authors;

	private final GraphSource graph;

	private final PostSource posts;

	private final FeedProperties.FanOut settings;

	private final FeedProperties.Read read;

	private final Counter feedRebuilds;

	private final Counter authorLoads;

	FeedBuilder(HomeFeeds feeds, AuthorCaches authors, GraphSource graph, PostSource posts, FeedProperties properties,
			MeterRegistry meters) {
		this.feeds = feeds;
		this.authors = authors;
		this.graph = graph;
		this.posts = posts;
		this.settings = properties.fanOut();
		this.read = properties.read();
		this.feedRebuilds = Counter.builder("murmur.feed.rebuilds")
			.tag("what", "feed")
			.description("Home feeds or author caches rebuilt from graph-service and post-service")
			.register(meters);
		this.authorLoads = Counter.builder("murmur.feed.rebuilds")
			.tag("what", "author")
			.description("Home feeds or author caches rebuilt from graph-service and post-service")
			.register(meters);
	}

	/**
	 * Builds a reader's home feed: a new reader's, a returning one's, or one Redis lost.
	 * @param userId the reader
	 */
	void buildFeed(long userId) {
		this.feeds.begin(userId);
		List<Long> followees = this.graph.followeeIds(userId);
		List<Long> celebrities = celebrities(userId, true);
		Set<Long> authors = new LinkedHashSet<>(followees);
		celebrities.forEach(authors::remove);
		authors.add(userId);
		List<FeedEntry> entries = this.posts.timelines(authors, null, this.settings.feedSize())
			.stream()
			.map(TimelineEntry::toFeedEntry)
			.toList();
		this.feeds.complete(userId, followees, entries, entries.size() >= this.settings.feedSize());
		this.feedRebuilds.increment();
	}

	/**
	 * Makes sure Redis has an author's cache, filling it from their timeline if not.
	 * @param authorId the author
	 * @return whether the cache may lack older entries of the author
	 */
	boolean ensureAuthor(long authorId) {
		CacheState state = this.authors.touch(authorId);
		if (state != null && state.ready()) {
			return state.trimmed();
		}
		List<FeedEntry> entries = this.posts.timelines(List.of(authorId), null, this.settings.authorCacheSize())
			.stream()
			.map(TimelineEntry::toFeedEntry)
			.toList();
		boolean truncated = entries.size() >= this.settings.authorCacheSize();
		this.authors.build(authorId, entries, truncated);
		this.authorLoads.increment();
		return truncated;
	}

	/**
	 * The followees of a reader whose posts are pulled at read time: those graph-service
	 * counts at or above the threshold (cached for a while per reader), and those fan-out
	 * has started pulling since.
	 * @param userId the reader
	 * @param refresh whether to ask graph-service even when cached
	 * @return their ids
	 */
	List<Long> celebrities(long userId, boolean refresh) {
		List<Long> cached = refresh ? null : this.authors.celebrities(userId);
		if (cached == null) {
			cached = this.graph.celebrityFollowees(userId, this.settings.pushThreshold());
			this.authors.cacheCelebrities(userId, cached, this.read.celebrityCacheTtl());
		}
		Set<Long> celebrities = new LinkedHashSet<>(cached);
		celebrities.addAll(this.feeds.followed(userId, this.authors.pulledAuthors()));
		return List.copyOf(celebrities);
	}

}
