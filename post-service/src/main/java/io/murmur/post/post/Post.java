package io.murmur.post.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored post, or a repost entry: a row of the reposter's timeline that points to the
 * original post and has no content of its own. A row of {@code posts}.
 *
 * @param id the post id
 * @param authorId the author, or the reposter of a repost entry
 * @param createdAt when it was written, the time its id encodes
 * @param text the NFC-normalised text, possibly empty when there are media
 * @param mediaIds the attached media, as given
 * @param replyTo the post this one replies to
 * @param replyToAuthor the author of {@code replyTo}
 * @param quoteOf the post this one quotes
 * @param repostOf the original post of a repost entry
 * @param repostOfAuthor the author of {@code repostOf}
 * @param mentions the mentioned users, id to handle as written
 * @param hashtags the hashtags, lower case, without {@code #}
 */
public record Post(long id, long authorId, Instant createdAt, String text, List<Long> mediaIds, @Nullable Long replyTo,
		@Nullable Long replyToAuthor, @Nullable Long quoteOf, @Nullable Long repostOf, @Nullable Long repostOfAuthor,
		Map<Long, String> mentions, List<String> hashtags) {

	/**
	 * Copies the collections, and takes a missing text as empty.
	 */
	public Post {
		text = Objects.requireNonNullElse(text, "");
		mediaIds = List.copyOf(mediaIds);
		mentions = Map.copyOf(mentions);
		hashtags = List.copyOf(hashtags);
	}

	/**
	 * A repost entry on the reposter's timeline.
	 * @param id the entry's id
	 * @param reposterId who reposted
	 * @param createdAt when
	 * @param original the reposted post
	 * @return the entry
	 */
	public static Post repost(long id, long reposterId, Instant createdAt, Post original) {
		return new Post(id, reposterId, createdAt, "", List.of(), null, null, null, original.id(), original.authorId(),
				Map.of(), List.of());
	}

	/**
	 * Whether this is a repost entry.
	 * @return whether {@link #repostOf()} is set
	 */
	public boolean isRepost() {
		return this.repostOf != null;
	}

	/**
	 * The timeline bucket of the post: the UTC month of its time as {@code yyyyMM}.
	 * @return the bucket
	 */
	public int bucket() {
		return bucketOf(this.createdAt);
	}

	/**
	 * The timeline bucket of an instant.
	 * @param instant the time
	 * @return its UTC month as {@code yyyyMM}
	 */
	public static int bucketOf(Instant instant) {
		ZonedDateTime time = instant.atZone(ZoneOffset.UTC);
		return time.getYear() * 100 + time.getMonthValue();
	}

}
