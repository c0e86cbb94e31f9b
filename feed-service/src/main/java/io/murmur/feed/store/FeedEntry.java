package io.murmur.feed.store;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a feed: the post shown, when it entered the feed, and who reposted it when
 * it came by reposts. Entries are ordered newest first by time, then by post id, a total
 * order that cursors rely on.
 *
 * @param postId the post shown (the original, for a repost)
 * @param time when it entered the feed, in epoch milliseconds: the post's time, or the
 * latest repost's
 * @param reposters who reposted it, when it came by reposts
 */
public record FeedEntry(long postId, long time, List<Long> reposters) implements Comparable<FeedEntry> {

	/**
	 * Newest first: later time first, then the larger post id.
	 */
	public static final Comparator<FeedEntry> NEWEST_FIRST = Comparator.comparingLong(FeedEntry::time)
		.thenComparingLong(FeedEntry::postId)
		.reversed();

	public FeedEntry {
		reposters = List.copyOf(reposters);
	}

	/**
	 * An entry for a post as its author posted it.
	 * @param postId the post
	 * @param time when it was posted
	 * @return the entry
	 */
	public static FeedEntry post(long postId, long time) {
		return new FeedEntry(postId, time, List.of());
	}

	/**
	 * An entry for a repost.
	 * @param postId the reposted post
	 * @param time when it was reposted
	 * @param reposter who reposted it
	 * @return the entry
	 */
	public static FeedEntry repost(long postId, long time, long reposter) {
		return new FeedEntry(postId, time, List.of(reposter));
	}

	/**
	 * Whether this entry comes before a position in newest-first order.
	 * @param position a position, or {@code null} for the top
	 * @return {@code true} if the entry is strictly older than the position
	 */
	public boolean isAfter(@Nullable Position position) {
		return position == null || this.time < position.time()
				|| (this.time == position.time() && this.postId < position.postId());
	}

	@Override
	public int compareTo(FeedEntry other) {
		return NEWEST_FIRST.compare(this, other);
	}

	/**
	 * This entry's place in a feed.
	 * @return the position
	 */
	public Position position() {
		return new Position(this.time, this.postId);
	}

	/**
	 * A place in a feed: a time and a post id.
	 *
	 * @param time epoch milliseconds
	 * @param postId the post id at that place
	 */
	public record Position(long time, long postId) {

	}

}
