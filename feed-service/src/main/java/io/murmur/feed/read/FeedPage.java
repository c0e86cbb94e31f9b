package io.murmur.feed.read;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a home feed.
 *
 * @param items the posts, newest first
 * @param nextCursor where the next page starts, {@code null} at the end
 */
record FeedPage(List<FeedItem> items, @Nullable String nextCursor) {

}
