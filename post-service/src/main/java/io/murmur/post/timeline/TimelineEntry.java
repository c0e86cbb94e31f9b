package io.murmur.post.timeline;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.murmur.post.post.Post;

/**
 * One entry of an author's timeline as home feeds need it: enough to place it and to
 * decide who may see it, without its text.
 *
 * @param id the entry id: the post, or the repost entry
 * @param authorId who posted or reposted it
 * @param createdAt when
 * @param repostOf for a repost, the reposted post
 * @param repostOfAuthorId for a repost, that post's author
 * @param replyToAuthorId for a reply, the author of the post replied to
 */
record TimelineEntry(String id, String authorId, Instant createdAt, @Nullable String repostOf,
		@Nullable String repostOfAuthorId, @Nullable String replyToAuthorId) {

	static TimelineEntry of(Post post) {
		return new TimelineEntry(Long.toString(post.id()), Long.toString(post.authorId()), post.createdAt(),
				string(post.repostOf()), string(post.repostOfAuthor()), string(post.replyToAuthor()));
	}

	private static @Nullable String string(@Nullable Long id) {
		return (id != null) ? Long.toString(id) : null;
	}

}
