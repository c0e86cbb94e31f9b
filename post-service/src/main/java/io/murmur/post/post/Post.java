package io.murmur.post.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.cassandra.core.mapping.Column;
import org.springframework.data.cassandra.core.mapping.PrimaryKey;
import org.springframework.data.cassandra.core.mapping.Table;

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
@Table("posts")
public record Post(@PrimaryKey("post_id") long id, @Column("author_id") long authorId,
		@Column("created_at") Instant createdAt, String text, @Column("media_ids") List<Long> mediaIds,
		@Column("reply_to") @Nullable Long replyTo, @Column("reply_to_author") @Nullable Long replyToAuthor,
		@Column("quote_of") @Nullable Long quoteOf, @Column("repost_of") @Nullable Long repostOf,
		@Column("repost_of_author") @Nullable Long repostOfAuthor, Map<Long, String> mentions, List<String> hashtags) {

	/**
	 * Copies the collections, which Cassandra hands back as {@code null} when empty.
	 */
	public Post {
		text = Objects.requireNonNullElse(text, "");
		mediaIds = List.copyOf(Objects.requireNonNullElse(mediaIds, List.of()));
		mentions = Map.copyOf(Objects.requireNonNullElse(mentions, Map.of()));
		hashtags = List.copyOf(Objects.requireNonNullElse(hashtags, List.of()));
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
