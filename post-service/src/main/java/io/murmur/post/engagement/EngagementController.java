package io.murmur.post.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.post.web.Ids;
import io.murmur.support.security.CurrentUser;

/**
 * Liking and reposting, idempotent: asking twice is the same as asking once. The acting
 * user is the access token's subject. Liking or reposting a repost entry acts on the
 * original post.
 */
@RestController
@Tag(name = "engagement", description = "Likes and reposts")
class EngagementController {

	private final Likes likes;

	private final Reposts reposts;

	EngagementController(Likes likes, Reposts reposts) {
		this.likes = likes;
		this.reposts = reposts;
	}

	@PostMapping("/api/v1/posts/{id}/like")
	@Operation(operationId = "likePost", summary = "Like a post")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void like(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.likes.like(Ids.path(id, "post"), CurrentUser.of(token));
	}

	@DeleteMapping("/api/v1/posts/{id}/like")
	@Operation(operationId = "unlikePost", summary = "Take back a like")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlike(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.likes.unlike(Ids.path(id, "post"), CurrentUser.of(token));
	}

	@PostMapping("/api/v1/posts/{id}/repost")
	@Operation(operationId = "repostPost", summary = "Repost a post")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void repost(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.reposts.repost(Ids.path(id, "post"), CurrentUser.of(token));
	}

	@DeleteMapping("/api/v1/posts/{id}/repost")
	@Operation(operationId = "unrepostPost", summary = "Take back a repost")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unrepost(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.reposts.unrepost(Ids.path(id, "post"), CurrentUser.of(token));
	}

}
