package io.murmur.search.index;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A post as the posts index holds it, or the tombstone of a deleted post: a tombstone
 * keeps the post's id at the version of its deletion, so that a create delivered late or
 * again is older and refused, and is left out of every query.
 *
 * @param id the post id
 * @param authorId the author
 * @param createdAt when it was posted; {@code null} in a tombstone
 * @param text the text, searched as written and stemmed
 * @param hashtags the hashtags, lower case, without {@code #}
 * @param mentions the handles of the mentioned users, without {@code @}
 * @param mentionIds the mentioned users' ids
 * @param withMedia whether media is attached
 * @param reply whether it replies to a post
 * @param replyTo the post it replies to
 * @param quoteOf the post it quotes
 * @param deleted whether this is a tombstone
 */
public record PostDocument(String id, String authorId, @Nullable Instant createdAt, String text, List<String> hashtags,
		List<String> mentions, List<String> mentionIds, boolean withMedia, boolean reply, @Nullable String replyTo,
		@Nullable String quoteOf, boolean deleted) {

	static PostDocument tombstone(long postId, long authorId) {
		return new PostDocument(Long.toString(postId), Long.toString(authorId), null, "", List.of(), List.of(),
				List.of(), false, false, null, null, true);
	}

	/**
	 * The external version of a post's document: the time in microseconds of its
	 * creation, or of its deletion for a tombstone. A deletion always comes after the
	 * creation, so it always wins, whatever order Kafka or a rebuild deliver them in.
	 * @param at the time
	 * @return the version
	 */
	static long version(Instant at) {
		return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
	}

}
