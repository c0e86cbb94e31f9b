package io.murmur.post.post;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The timelines to merge.
 *
 * @param authorIds up to 1,000 decimal user ids
 * @param until only entries posted at or before this time; the newest when absent
 * @param limit how many entries at most
 */
record TimelinesRequest(@NotNull @Size(max = PostController.MAX_TIMELINE_AUTHORS) List<String> authorIds,
		@Nullable Instant until, @Min(1) @Max(PostController.MAX_TIMELINE_ENTRIES) int limit) {

}
