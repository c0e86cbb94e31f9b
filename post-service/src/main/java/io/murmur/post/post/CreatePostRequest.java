package io.murmur.post.post;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.murmur.post.web.DecimalId;

/**
 * A new post. Ids are decimal strings. Every rule a request can be checked against by
 * itself is checked by Bean Validation, each broken one reported; whether the posts
 * referred to exist is checked by {@link PostService}.
 *
 * @param text the text, at most 280 characters; may be empty or left out when there are
 * media
 * @param mediaIds up to four media ids
 * @param replyTo the post this one replies to
 * @param quoteOf the post this one quotes
 */
@TextOrMedia
record CreatePostRequest(@PostText @Nullable String text,
		@Size(max = CreatePostRequest.MAX_MEDIA,
				message = "must have at most {max} entries") @Nullable List<@NotNull(
						message = "must be a media id") @DecimalId(message = "must be a media id") String> mediaIds,
		@DecimalId(message = "must be a post id") @Nullable String replyTo,
		@DecimalId(message = "must be a post id") @Nullable String quoteOf) {

	static final int MAX_MEDIA = 4;

}
