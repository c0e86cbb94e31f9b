package io.murmur.post.post;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of posts read by cursor: a timeline, the replies to a post, or a batch.
 *
 * @param items the posts
 * @param nextCursor where the next page starts, {@code null} at the end
 */
public record PostPage(List<PostResponse> items, @Nullable String nextCursor) {

}
