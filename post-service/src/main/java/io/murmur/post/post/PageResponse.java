package io.murmur.post.post;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a list read by cursor.
 *
 * @param items the items
 * @param nextCursor where the next page starts, {@code null} at the end
 */
record PageResponse<T>(List<T> items, @Nullable String nextCursor) {

}
