package io.murmur.post.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * The posts API. The acting user is always the access token's subject; ids in paths only
 * name what is acted on.
 */
@RestController
class PostController {

	static final int MAX_TIMELINE_AUTHORS = 1000;

	static final int MAX_TIMELINE_ENTRIES = 1000;

	/** The viewer of a service's own reads: no user, so nothing is liked or reposted. */
	private static final long NO_VIEWER = 0;

	private final PostService posts;

	PostController(PostService posts) {
		this.posts = posts;
	}

	@PostMapping("/api/v1/posts")
	ResponseEntity<PostResponse> create(@AuthenticationPrincipal Jwt token, @RequestBody CreatePostRequest request) {
		PostResponse post = this.posts.create(userId(token), request, token.getTokenValue());
		return ResponseEntity.created(URI.create("/api/v1/posts/" + post.id())).body(post);
	}

	@GetMapping("/api/v1/posts/{id}")
	PostResponse get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		return this.posts.get(Ids.path(id, "post"), userId(token));
	}

	@DeleteMapping("/api/v1/posts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.posts.delete(Ids.path(id, "post"), userId(token));
	}

	@PostMapping("/api/v1/posts/{id}/like")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void like(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.posts.like(Ids.path(id, "post"), userId(token));
	}

	@DeleteMapping("/api/v1/posts/{id}/like")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlike(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.posts.unlike(Ids.path(id, "post"), userId(token));
	}

	@PostMapping("/api/v1/posts/{id}/repost")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void repost(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.posts.repost(Ids.path(id, "post"), userId(token));
	}

	@DeleteMapping("/api/v1/posts/{id}/repost")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unrepost(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.posts.unrepost(Ids.path(id, "post"), userId(token));
	}

	@GetMapping("/api/v1/users/{id}/posts")
	PageResponse<PostResponse> timeline(@AuthenticationPrincipal Jwt token, @PathVariable String id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.posts.timeline(Ids.path(id, "user"), limit, cursor, userId(token));
	}

	@GetMapping("/api/v1/posts/{id}/replies")
	PageResponse<PostResponse> replies(@AuthenticationPrincipal Jwt token, @PathVariable String id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.posts.replies(Ids.path(id, "post"), limit, cursor, userId(token));
	}

	/**
	 * Reads many posts at once, with the caller's like and repost state, for services
	 * that hydrate lists of post ids (feed-service). Posts that do not exist are left
	 * out; the others come in the order asked. Called with a service token, there is no
	 * viewer: every post reads as neither liked nor reposted.
	 */
	@PostMapping("/internal/posts/batch")
	PageResponse<PostResponse> batch(@AuthenticationPrincipal Jwt token, @Valid @RequestBody BatchRequest request) {
		return new PageResponse<>(
				this.posts.batch(parseIds("ids", request.ids()), CurrentUser.optional(token).orElse(NO_VIEWER)), null);
	}

	/**
	 * The newest timeline entries of many authors, merged newest first, for feed-service
	 * to build a home feed and to continue it past its cached window.
	 */
	@PostMapping("/internal/posts/timelines")
	PageResponse<TimelineEntry> timelines(@Valid @RequestBody TimelinesRequest request) {
		return new PageResponse<>(
				this.posts.entries(parseIds("authorIds", request.authorIds()), request.until(), request.limit()), null);
	}

	private static List<Long> parseIds(String field, List<String> values) {
		List<Long> ids = new ArrayList<>();
		List<InvalidField> errors = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Long id = Ids.parse(values.get(i));
			if (id == null) {
				errors.add(new InvalidField(field + "[" + i + "]", "must be an id"));
			}
			else {
				ids.add(id);
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalidFields(errors);
		}
		return ids;
	}

	private static long userId(Jwt token) {
		return CurrentUser.of(token);
	}

}
