package io.murmur.media.internal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.media.cleanup.MediaDeletion;
import io.murmur.media.media.MediaAttachments;
import io.murmur.media.media.MediaResponse;
import io.murmur.media.media.MediaResponses;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.ProblemException;

/**
 * What post-service and user-service ask of media-service, with their service tokens (a
 * user token is refused here: users reach media through the public API only).
 */
@RestController
@RequestMapping(path = "/internal/media", produces = MediaType.APPLICATION_JSON_VALUE)
class InternalMediaController {

	private final MediaAttachments attachments;

	private final MediaDeletion deletion;

	private final MediaResponses responses;

	InternalMediaController(MediaAttachments attachments, MediaDeletion deletion, MediaResponses responses) {
		this.attachments = attachments;
		this.deletion = deletion;
		this.responses = responses;
	}

	/**
	 * Claims media for a new post, all or none; 422 {@code media-not-attachable} with an
	 * {@code errors} entry per refused id otherwise.
	 */
	@PostMapping(path = "/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
	Items claim(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ClaimRequest request) {
		requireService(token);
		return items(this.attachments
			.claim(request.postId(), request.ownerId(), request.mediaIds().stream().map(Long::parseLong).toList())
			.stream()
			.map(this.responses::of)
			.toList());
	}

	/**
	 * Releases a deleted post's media: deletes it with its objects. Idempotent.
	 */
	@DeleteMapping("/claims/{postId}")
	ResponseEntity<Void> release(@AuthenticationPrincipal Jwt token, @PathVariable long postId) {
		requireService(token);
		this.attachments.onPost(postId).forEach(this.deletion::delete);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Withdraws a claim whose post could not be stored: the media is kept, unattached.
	 * Idempotent.
	 */
	@PostMapping("/claims/{postId}/withdrawal")
	ResponseEntity<Void> withdraw(@AuthenticationPrincipal Jwt token, @PathVariable long postId) {
		requireService(token);
		this.attachments.withdraw(postId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Describes ready media for hydration; unknown and unready ids are left out.
	 */
	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	Items batch(@AuthenticationPrincipal Jwt token, @Valid @RequestBody BatchRequest request) {
		requireService(token);
		return items(this.attachments.ready(request.ids().stream().map(Long::parseLong).toList())
			.stream()
			.map(this.responses::of)
			.toList());
	}

	/**
	 * Accepts an image as a user's avatar (which keeps it from the clean-up); 422
	 * {@code media-not-attachable} when it is not the user's ready image.
	 */
	@PostMapping(path = "/{id}/avatar", consumes = MediaType.APPLICATION_JSON_VALUE)
	MediaResponse avatar(@AuthenticationPrincipal Jwt token, @PathVariable long id,
			@Valid @RequestBody AvatarRequest request) {
		requireService(token);
		return this.responses.of(this.attachments.avatar(request.ownerId(), id));
	}

	private static void requireService(Jwt token) {
		if (CurrentUser.optional(token).isPresent()) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "Only services may call this endpoint");
		}
	}

	private static Items items(List<MediaResponse> items) {
		return new Items(items);
	}

	/**
	 * @param postId the new post
	 * @param ownerId its author
	 * @param mediaIds the media ids, as decimal strings, in display order
	 */
	record ClaimRequest(@Positive long postId, @Positive long ownerId,
			@NotNull @Size(min = 1, max = 16) List<@NotNull @jakarta.validation.constraints.Pattern(
					regexp = "[1-9][0-9]{0,18}") String> mediaIds) {

	}

	/**
	 * @param ids media ids as decimal strings
	 */
	record BatchRequest(@NotNull @Size(
			max = 400) List<@NotNull @jakarta.validation.constraints.Pattern(regexp = "[1-9][0-9]{0,18}") String> ids) {

	}

	/**
	 * @param ownerId the user whose avatar it would be
	 */
	record AvatarRequest(@Positive long ownerId) {

	}

	/**
	 * @param items the media
	 */
	record Items(List<MediaResponse> items) {

	}

}
