package io.murmur.post.post;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A new post. Ids are decimal strings. The rules (length, media, existence of the posts
 * referred to) are checked by {@link PostService}, which reports every broken one.
 *
 * @param text the text, at most 280 characters; may be empty or left out when there are
 * media
 * @param mediaIds up to four media ids
 * @param replyTo the post this one replies to
 * @param quoteOf the post this one quotes
 */
record CreatePostRequest(@Nullable String text, @Nullable List<String> mediaIds, @Nullable String replyTo,
		@Nullable String quoteOf) {

}
