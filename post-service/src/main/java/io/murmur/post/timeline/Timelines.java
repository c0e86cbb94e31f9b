package io.murmur.post.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.murmur.post.id.PostIds;
import io.murmur.post.post.Post;
import io.murmur.post.post.PostLookup;
import io.murmur.post.post.PostPage;
import io.murmur.post.post.PostRepository;
import io.murmur.post.post.PostViews;

/**
 * Users' timelines, newest first, walked month by month, and the replies of a post,
 * oldest first, each a page at a time by cursor; and the merged timelines of many authors
 * that home feeds are built from.
 */
@Service
class Timelines {

	private static final int BUCKETS_PER_READ = 12;

	private final TimelineRepository timelines;

	private final PostRepository posts;

	private final PostLookup lookup;

	private final PostViews views;

	Timelines(TimelineRepository timelines, PostRepository posts, PostLookup lookup, PostViews views) {
		this.timelines = timelines;
		this.posts = posts;
		this.lookup = lookup;
		this.views = views;
	}

	/**
	 * A page of a user's timeline, newest first: walks the author's months with entries
	 * from the cursor's month back until the page is full.
	 */
	PostPage timeline(long authorId, int limit, @Nullable String cursor, long viewerId) {
		Cursors.TimelinePosition position = Cursors.timeline(cursor);
		int from = (position != null) ? position.bucket() : Integer.MAX_VALUE;
		List<long[]> entries = walk(authorId, from, (position != null) ? position.lastId() : null, limit + 1);
		String next = null;
		if (entries.size() > limit) {
			long[] last = entries.get(limit - 1);
			next = Cursors.timeline((int) last[0], last[1]);
			entries = entries.subList(0, limit);
		}
		return new PostPage(this.views.read(entries.stream().map((entry) -> entry[1]).toList(), viewerId), next);
	}

	/**
	 * The newest timeline entries (posts and reposts) of many authors, merged newest
	 * first: what home feeds are built from, and continued from past their cached window.
	 * Each author's months are walked on a virtual thread of its own, so the time taken
	 * is that of the slowest author rather than the sum.
	 * @param authorIds the authors
	 * @param until only entries minted at or before this time, or {@code null} for the
	 * newest
	 * @param limit how many entries at most
	 * @return the entries, newest first
	 */
	List<TimelineEntry> entries(Collection<Long> authorIds, @Nullable Instant until, int limit) {
		Long before = (until != null) ? PostIds.firstIdAt(until.plusMillis(1)) : null;
		int from = (until != null) ? Post.bucketOf(until) : Integer.MAX_VALUE;
		List<Long> ids = new ArrayList<>();
		try (ExecutorService walkers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<List<long[]>>> walks = new ArrayList<>();
			for (long authorId : new LinkedHashSet<>(authorIds)) {
				walks.add(walkers.submit(() -> walk(authorId, from, before, limit)));
			}
			for (Future<List<long[]>> walk : walks) {
				walk.get().forEach((entry) -> ids.add(entry[1]));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading timelines", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
		ids.sort(Comparator.reverseOrder());
		List<Long> newest = ids.subList(0, Math.min(limit, ids.size()));
		Map<Long, Post> found = PostViews.join(this.posts.findAll(newest));
		return newest.stream().map(found::get).filter(Objects::nonNull).map(TimelineEntry::of).toList();
	}

	/**
	 * Up to {@code want} of an author's timeline entries, newest first, from the month
	 * {@code fromBucket} back, older than {@code before} when given.
	 * @return {bucket, entry id} pairs
	 */
	private List<long[]> walk(long authorId, int fromBucket, @Nullable Long before, int want) {
		List<long[]> entries = new ArrayList<>();
		int from = fromBucket;
		while (entries.size() < want) {
			List<Integer> buckets = this.timelines.buckets(authorId, from, BUCKETS_PER_READ);
			for (int bucket : buckets) {
				Long bound = (bucket == fromBucket) ? before : null;
				for (long id : this.timelines.timeline(authorId, bucket, bound, want - entries.size())) {
					entries.add(new long[] { bucket, id });
				}
				if (entries.size() >= want) {
					break;
				}
			}
			if (buckets.size() < BUCKETS_PER_READ) {
				break;
			}
			from = buckets.get(buckets.size() - 1) - 1;
		}
		return entries;
	}

	/**
	 * A page of a post's replies, oldest first.
	 */
	PostPage replies(long parentId, int limit, @Nullable String cursor, long viewerId) {
		Long after = Cursors.replies(cursor);
		this.lookup.find(parentId);
		List<Long> replyIds = this.timelines.replies(parentId, after, limit + 1);
		String next = null;
		if (replyIds.size() > limit) {
			replyIds = replyIds.subList(0, limit);
			next = Cursors.replies(replyIds.get(limit - 1));
		}
		return new PostPage(this.views.read(replyIds, viewerId), next);
	}

}
