package io.murmur.post.post;

import java.net.URI;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.post.web.Ids;
import io.murmur.support.security.CurrentUser;

/**
 * Publishing, reading and deleting posts. The acting user is always the access token's
 * subject; ids in paths only name what is acted on.
 */
@RestController
@Tag(name = "posts", description = "Publishing, reading and deleting posts")
class PostController {

	/** The viewer of a service's own reads: no user, so nothing is liked or reposted. */
	private static final long NO_VIEWER = 0;

	private final PostService posts;

	PostController(PostService posts) {
		this.posts = posts;
	}

	@PostMapping("/api/v1/posts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createPost", summary = "Publish a post, a reply or a quote")
	@ApiResponse(responseCode = "201", description = "Published; Location names the post",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = PostResponse.class)))
	@ApiResponse(responseCode = "422",
			description = "A media cannot go on this post (not the author's, not ready, or on another post);"
					+ " errors name each mediaIds[i]")
	ResponseEntity<PostResponse> create(@AuthenticationPrincipal Jwt token,
			@Valid @RequestBody CreatePostRequest request) {
		PostResponse post = this.posts.create(CurrentUser.of(token), request, token.getTokenValue());
		return ResponseEntity.created(URI.create("/api/v1/posts/" + post.id())).body(post);
	}

	@GetMapping("/api/v1/posts/{id}")
	@Operation(operationId = "getPost", summary = "A post, with the caller's like and repost state")
	PostResponse get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		return this.posts.get(Ids.path(id, "post"), CurrentUser.of(token));
	}

	@DeleteMapping("/api/v1/posts/{id}")
	@Operation(operationId = "deletePost", summary = "Delete one of the caller's posts")
	@ApiResponse(responseCode = "204", description = "Deleted, or already gone")
	@ApiResponse(responseCode = "403", description = "The post is someone else's")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.posts.delete(Ids.path(id, "post"), CurrentUser.of(token));
	}

	/**
	 * Reads many posts at once, with the caller's like and repost state, for services
	 * that hydrate lists of post ids (feed-service). Posts that do not exist are left
	 * out; the others come in the order asked. Called with a service token, there is no
	 * viewer: every post reads as neither liked nor reposted.
	 */
	@PostMapping("/internal/posts/batch")
	PostPage batch(@AuthenticationPrincipal Jwt token, @Valid @RequestBody BatchRequest request) {
		return new PostPage(this.posts.batch(request.ids().stream().map(Ids::valid).toList(),
				CurrentUser.optional(token).orElse(NO_VIEWER)), null);
	}

}
