package io.murmur.feed.source;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.murmur.feed.store.FeedEntry;

/**
 * One entry of an author's timeline, as post-service lists it.
 *
 * @param id the entry id: the post, or the repost entry
 * @param authorId who posted or reposted it
 * @param createdAt when
 * @param repostOf for a repost, the reposted post
 * @param repostOfAuthorId for a repost, that post's author
 * @param replyToAuthorId for a reply, the author of the post replied to
 */
public record TimelineEntry(String id, String authorId, Instant createdAt, @Nullable String repostOf,
		@Nullable String repostOfAuthorId, @Nullable String replyToAuthorId) {

	long entryId() {
		return Long.parseLong(this.id);
	}

	/**
	 * The post this entry shows: the original, for a repost.
	 * @return the post id
	 */
	public long postId() {
		return (this.repostOf != null) ? Long.parseLong(this.repostOf) : entryId();
	}

	/**
	 * The author of the post this entry shows.
	 * @return the author id
	 */
	public long postAuthorId() {
		return (this.repostOfAuthorId != null) ? Long.parseLong(this.repostOfAuthorId) : Long.parseLong(this.authorId);
	}

	/**
	 * Whether this is a repost.
	 * @return {@code true} for a repost
	 */
	public boolean isRepost() {
		return this.repostOf != null;
	}

	/**
	 * This entry as a feed entry.
	 * @return the entry
	 */
	public FeedEntry toFeedEntry() {
		long time = this.createdAt.toEpochMilli();
		return isRepost() ? FeedEntry.repost(postId(), time, Long.parseLong(this.authorId))
				: FeedEntry.post(postId(), time);
	}

}
