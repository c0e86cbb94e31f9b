package io.murmur.post.post;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A post as the API shows it. Ids are strings. The author's handle, display name and
 * avatar are added by whoever hydrates the post (feed-service, the clients), from
 * user-service.
 *
 * @param id the post id
 * @param author the author, or the reposter of a repost entry
 * @param text the text
 * @param createdAt when it was posted
 * @param media the attached media ids
 * @param replyTo the post it replies to
 * @param replyToAuthorId the author of {@code replyTo}
 * @param quoteOf the post it quotes
 * @param repostOf for a repost entry, the original post's id
 * @param counts the counters (of the original, for a repost entry)
 * @param viewer what the caller did to the post (to the original, for a repost entry)
 * @param mentions the mentioned users
 * @param hashtags the hashtags, without {@code #}
 * @param reposted for a repost entry, the original post
 */
record PostResponse(String id, Author author, String text, Instant createdAt, List<String> media,
		@Nullable String replyTo, @Nullable String replyToAuthorId, @Nullable String quoteOf, @Nullable String repostOf,
		Counts counts, Viewer viewer, List<Mention> mentions, List<String> hashtags, @Nullable PostResponse reposted) {

	record Author(String id) {

	}

	record Counts(long likes, long reposts, long replies) {

	}

	record Viewer(boolean liked, boolean reposted) {

	}

	record Mention(String id, String handle) {

	}

}
