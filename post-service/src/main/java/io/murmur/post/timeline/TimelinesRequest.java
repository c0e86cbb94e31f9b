package io.murmur.post.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.murmur.post.web.DecimalId;

/**
 * The timelines to merge.
 *
 * @param authorIds up to 1,000 decimal user ids
 * @param until only entries posted at or before this time; the newest when absent
 * @param limit how many entries at most
 */
record TimelinesRequest(
		@NotNull @Size(max = TimelineController.MAX_TIMELINE_AUTHORS) List<@NotNull(
				message = "must be an id") @DecimalId String> authorIds,
		@Nullable Instant until, @Min(1) @Max(TimelineController.MAX_TIMELINE_ENTRIES) int limit) {

}
