package io.murmur.feed.fanout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.source.GraphSource;
import io.murmur.feed.source.PostSource;
import io.murmur.feed.source.TimelineEntry;
import io.murmur.feed.store.AuthorCaches;
import io.murmur.feed.store.FeedEntry;
import io.murmur.feed.store.FollowerSets;
import io.murmur.feed.store.HomeFeeds;
import io.murmur.feed.store.HomeFeeds.ActorEntry;

/**
 * Applies what happened to the feeds it concerns. An author below the push threshold has
 * each new entry (a post or a repost) written into every kept feed of their followers, a
 * page of ids at a time, and into their own; an author at or above it has nothing pushed:
 * readers pull their newest entries from the author's cache. Follows bring the followee's
 * newest entries in, unfollows take them out, deletes remove the post wherever it was
 * pushed. Every step is idempotent, so a redelivered event changes nothing.
 * <p>
 * The follower ids come from graph-service the first time, and are then kept in Redis for
 * the follower cache TTL: follow and unfollow events keep that copy current, so that the
 * next posts read no follower from graph-service. A follow made just before a post, whose
 * event has not reached the copy yet, still brings the post: the follow's backfill reads
 * the followee's newest entries, the post among them.
 */
@Component
class FanOut {

	private final HomeFeeds feeds;

	private final AuthorCaches authors;

	private final FollowerSets followerSets;

	private final GraphSource graph;

	private final PostSource posts;

	private final FeedProperties.FanOut settings;

	private final Clock clock;

	private final Counter pushed;

	private final Counter pulled;

	private final Counter deliveries;

	private final Counter skipped;

	private final Timer lag;

	FanOut(HomeFeeds feeds, AuthorCaches authors, FollowerSets followerSets, GraphSource graph, PostSource posts,
			FeedProperties properties, Clock clock, MeterRegistry meters) {
		this.feeds = feeds;
		this.authors = authors;
		this.followerSets = followerSets;
		this.graph = graph;
		this.posts = posts;
		this.settings = properties.fanOut();
		this.clock = clock;
		this.pushed = Counter.builder("murmur.feed.fanout.entries")
			.tag("strategy", "push")
			.description("New posts and reposts fanned out")
			.register(meters);
		this.pulled = Counter.builder("murmur.feed.fanout.entries")
			.tag("strategy", "pull")
			.description("New posts and reposts fanned out")
			.register(meters);
		this.deliveries = Counter.builder("murmur.feed.fanout.deliveries")
			.description("Entries written into followers' home feeds")
			.register(meters);
		this.skipped = Counter.builder("murmur.feed.fanout.skipped")
			.description("Followers skipped at fan-out: inactive, or their feed is not kept")
			.register(meters);
		this.lag = Timer.builder("murmur.feed.fanout.lag")
			.description("From a post's creation to its delivery into every follower's feed")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Delivers a new post or repost.
	 * @param actorId who posted or reposted
	 * @param entry the entry
	 * @param at when it was posted or reposted
	 */
	void deliver(long actorId, FeedEntry entry, Instant at) {
		this.authors.push(actorId, entry);
		this.feeds.push(List.of(actorId), entry);
		List<Long> followers = pushedFollowers(actorId);
		if (followers == null) {
			this.pulled.increment();
			return;
		}
		forEachPage(followers, (page) -> {
			int delivered = this.feeds.push(page, entry);
			this.deliveries.increment(delivered);
			this.skipped.increment(page.size() - delivered);
		});
		this.pushed.increment();
		this.lag.record(Duration.between(at, this.clock.instant()).abs());
	}

	/**
	 * Removes a deleted post from its author's cache and from every feed it was pushed
	 * into. Posts of pulled authors were never pushed; were any pushed before the author
	 * crossed the threshold, reads drop them as post-service no longer has them.
	 * @param authorId the author
	 * @param postId the post
	 */
	void remove(long authorId, long postId) {
		this.authors.remove(authorId, postId);
		this.feeds.removePost(List.of(authorId), postId);
		List<Long> followers = pushedFollowers(authorId);
		if (followers != null) {
			forEachPage(followers, (page) -> this.feeds.removePost(page, postId));
		}
	}

	/**
	 * Takes a repost back: the reposter's name leaves the entry in their followers'
	 * feeds, and the entry leaves unless someone else they follow reposted it or they
	 * follow its author.
	 * @param reposterId who reposted
	 * @param postId the reposted post
	 * @param postAuthorId its author
	 */
	void unrepost(long reposterId, long postId, long postAuthorId) {
		this.authors.remove(reposterId, postId);
		List<ActorEntry> entries = List.of(new ActorEntry(postId, true, postAuthorId));
		this.feeds.removeActor(List.of(reposterId), reposterId, entries);
		List<Long> followers = pushedFollowers(reposterId);
		if (followers != null) {
			forEachPage(followers, (page) -> this.feeds.removeActor(page, reposterId, entries));
		}
	}

	/**
	 * Brings a new followee's newest entries into the follower's feed, unless the
	 * followee's posts are pulled at read time or the feed is not kept (it is rebuilt,
	 * follow included, when its owner returns).
	 * @param followerId the follower
	 * @param followeeId the followee
	 */
	void follow(long followerId, long followeeId) {
		this.followerSets.add(followeeId, List.of(followerId));
		if (!this.feeds.follow(followerId, followeeId) || this.settings.backfillSize() == 0 || isPulled(followeeId)) {
			return;
		}
		List<FeedEntry> entries = this.posts.timelines(List.of(followeeId), null, this.settings.backfillSize())
			.stream()
			.map(TimelineEntry::toFeedEntry)
			.toList();
		if (!entries.isEmpty()) {
			this.feeds.push(followerId, entries);
		}
	}

	/**
	 * Takes a former followee's entries out of the follower's feed: their posts, and
	 * their reposts unless something else keeps them there. Their entries are looked up
	 * over all the feed may hold (its size and trim slack), at most what post-service
	 * gives in one call; reads drop whatever older entry of theirs is left.
	 * @param followerId the follower
	 * @param followeeId the former followee
	 */
	void unfollow(long followerId, long followeeId) {
		this.followerSets.remove(followeeId, followerId);
		if (!this.feeds.unfollow(followerId, followeeId)) {
			return;
		}
		List<ActorEntry> entries = this.posts
			.timelines(List.of(followeeId), null, Math.min(this.feeds.window(), PostSource.MAX_ENTRIES))
			.stream()
			.map((entry) -> new ActorEntry(entry.postId(), entry.isRepost(), entry.postAuthorId()))
			.toList();
		this.feeds.removeActor(followerId, followeeId, entries);
	}

	private boolean isPulled(long authorId) {
		return markPulled(authorId, this.graph.followersCount(authorId));
	}

	private boolean markPulled(long authorId, long followersCount) {
		boolean pulled = followersCount >= this.settings.pushThreshold();
		this.authors.markPulled(authorId, pulled);
		return pulled;
	}

	/**
	 * The followers an author's entries are pushed to: the copy kept in Redis, or else
	 * read from graph-service, a page at a time, and kept for the next post.
	 * @return the follower ids, or {@code null} if the author's entries are pulled
	 */
	private @Nullable List<Long> pushedFollowers(long authorId) {
		Duration ttl = this.settings.followerCacheTtl();
		List<Long> kept = ttl.isPositive() ? this.followerSets.followers(authorId) : null;
		if (kept != null) {
			return markPulled(authorId, kept.size()) ? null : kept;
		}
		if (isPulled(authorId)) {
			return null;
		}
		boolean keep = ttl.isPositive() && this.followerSets.begin(authorId, ttl);
		List<Long> followers = new ArrayList<>();
		@Nullable String after = null;
		do {
			GraphSource.IdPage page = this.graph.followerIds(authorId, after, this.settings.followerPageSize());
			followers.addAll(page.ids());
			if (keep) {
				this.followerSets.add(authorId, page.ids());
			}
			after = page.nextAfter();
		}
		while (after != null);
		if (keep) {
			this.followerSets.filled(authorId);
		}
		return followers;
	}

	private void forEachPage(List<Long> followers, Consumer<List<Long>> action) {
		int size = this.settings.followerPageSize();
		for (int from = 0; from < followers.size(); from += size) {
			action.accept(followers.subList(from, Math.min(from + size, followers.size())));
		}
	}

}
