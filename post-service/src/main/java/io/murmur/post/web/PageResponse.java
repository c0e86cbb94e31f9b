package io.murmur.post.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a list read by cursor.
 *
 * @param items the items
 * @param nextCursor where the next page starts, {@code null} at the end
 */
public record PageResponse<T>(List<T> items, @Nullable String nextCursor) {

}
