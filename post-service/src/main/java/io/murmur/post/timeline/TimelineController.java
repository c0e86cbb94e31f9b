package io.murmur.post.timeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.post.post.PostPage;
import io.murmur.post.web.Ids;
import io.murmur.post.web.PageResponse;
import io.murmur.support.security.CurrentUser;

/**
 * Timelines and replies, a page at a time by cursor, and the merged timelines home feeds
 * are built from.
 */
@RestController
@Tag(name = "posts", description = "Publishing, reading and deleting posts")
class TimelineController {

	static final int MAX_TIMELINE_AUTHORS = 1000;

	static final int MAX_TIMELINE_ENTRIES = 1000;

	private final Timelines timelines;

	TimelineController(Timelines timelines) {
		this.timelines = timelines;
	}

	@GetMapping("/api/v1/users/{id}/posts")
	@Operation(operationId = "listUserPosts", summary = "A user's posts, newest first")
	PostPage timeline(@AuthenticationPrincipal Jwt token, @PathVariable String id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.timelines.timeline(Ids.path(id, "user"), limit, cursor, CurrentUser.of(token));
	}

	@GetMapping("/api/v1/posts/{id}/replies")
	@Operation(operationId = "listReplies", summary = "The replies to a post, a page at a time")
	PostPage replies(@AuthenticationPrincipal Jwt token, @PathVariable String id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.timelines.replies(Ids.path(id, "post"), limit, cursor, CurrentUser.of(token));
	}

	/**
	 * The newest timeline entries of many authors, merged newest first, for feed-service
	 * to build a home feed and to continue it past its cached window.
	 */
	@PostMapping("/internal/posts/timelines")
	PageResponse<TimelineEntry> timelines(@Valid @RequestBody TimelinesRequest request) {
		return new PageResponse<>(this.timelines.entries(request.authorIds().stream().map(Ids::valid).toList(),
				request.until(), request.limit()), null);
	}

}
