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
import io.murmur.feed.store.FeedEntry;
import io.murmur.feed.store.FeedStore;
import io.murmur.feed.store.FeedStore.ActorEntry;

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

	private final FeedStore store;

	private final GraphSource graph;

	private final PostSource posts;

	private final FeedProperties.FanOut settings;

	private final Clock clock;

	private final Counter pushed;

	private final Counter pulled;

	private final Counter deliveries;

	private final Counter skipped;

	private final Timer lag;

	FanOut(FeedStore store, GraphSource graph, PostSource posts, FeedProperties properties, Clock clock,
			MeterRegistry meters) {
		this.store = store;
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
		this.store.pushAuthor(actorId, entry);
		this.store.push(List.of(actorId), entry);
		List<Long> followers = pushedFollowers(actorId);
		if (followers == null) {
			this.pulled.increment();
			return;
		}
		forEachPage(followers, (page) -> {
			int delivered = this.store.push(page, entry);
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
		this.store.removeFromAuthor(authorId, postId);
		this.store.removePost(List.of(authorId), postId);
		List<Long> followers = pushedFollowers(authorId);
		if (followers != null) {
			forEachPage(followers, (page) -> this.store.removePost(page, postId));
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
		this.store.removeFromAuthor(reposterId, postId);
		List<ActorEntry> entries = List.of(new ActorEntry(postId, true, postAuthorId));
		this.store.removeActor(List.of(reposterId), reposterId, entries);
		List<Long> followers = pushedFollowers(reposterId);
		if (followers != null) {
			forEachPage(followers, (page) -> this.store.removeActor(page, reposterId, entries));
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
		this.store.addFollowers(followeeId, List.of(followerId));
		if (!this.store.follow(followerId, followeeId) || this.settings.backfillSize() == 0 || isPulled(followeeId)) {
			return;
		}
		List<FeedEntry> entries = this.posts.timelines(List.of(followeeId), null, this.settings.backfillSize())
			.stream()
			.map(TimelineEntry::toFeedEntry)
			.toList();
		if (!entries.isEmpty()) {
			this.store.push(followerId, entries);
		}
	}

	/**
	 * Takes a former followee's entries out of the follower's feed: their posts, and
	 * their reposts unless something else keeps them there.
	 * @param followerId the follower
	 * @param followeeId the former followee
	 */
	void unfollow(long followerId, long followeeId) {
		this.store.removeFollower(followeeId, followerId);
		if (!this.store.unfollow(followerId, followeeId)) {
			return;
		}
		List<ActorEntry> entries = this.posts.timelines(List.of(followeeId), null, this.settings.feedSize())
			.stream()
			.map((entry) -> new ActorEntry(entry.postId(), entry.isRepost(), entry.postAuthorId()))
			.toList();
		this.store.removeActor(followerId, followeeId, entries);
	}

	private boolean isPulled(long authorId) {
		return markPulled(authorId, this.graph.followersCount(authorId));
	}

	private boolean markPulled(long authorId, long followersCount) {
		boolean pulled = followersCount >= this.settings.pushThreshold();
		this.store.markPulled(authorId, pulled);
		return pulled;
	}

	/**
	 * The followers an author's entries are pushed to: the copy kept in Redis, or else
	 * read from graph-service, a page at a time, and kept for the next post.
	 * @return the follower ids, or {@code null} if the author's entries are pulled
	 */
	private @Nullable List<Long> pushedFollowers(long authorId) {
		Duration ttl = this.settings.followerCacheTtl();
		List<Long> kept = ttl.isPositive() ? this.store.followers(authorId) : null;
		if (kept != null) {
			return markPulled(authorId, kept.size()) ? null : kept;
		}
		if (isPulled(authorId)) {
			return null;
		}
		boolean keep = ttl.isPositive() && this.store.beginFollowers(authorId, ttl);
		List<Long> followers = new ArrayList<>();
		@Nullable String after = null;
		do {
			GraphSource.IdPage page = this.graph.followerIds(authorId, after, this.settings.followerPageSize());
			followers.addAll(page.ids());
			if (keep) {
				this.store.addFollowers(authorId, page.ids());
			}
			after = page.nextAfter();
		}
		while (after != null);
		if (keep) {
			this.store.followersFilled(authorId);
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
