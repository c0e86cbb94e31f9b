package io.murmur.user.profile;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;
import io.murmur.user.account.UserResponse;
import io.murmur.user.web.UserProblem;

/**
 * Profiles. Whose profile {@code /me} is, and so whose profile a change applies to, comes
 * from the access token's subject only.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Profiles of users")
class ProfileController {

	private final ProfileService profiles;

	private final FollowCounts followCounts;

	ProfileController(ProfileService profiles, FollowCounts followCounts) {
		this.profiles = profiles;
		this.followCounts = followCounts;
	}

	@GetMapping("/me")
	@Operation(operationId = "getMyProfile", summary = "The caller's own profile")
	ProfileResponse me(@AuthenticationPrincipal Jwt token) {
		return withCounts(this.profiles.byId(CurrentUser.of(token)), token);
	}

	@Operation(operationId = "updateMyProfile",
			summary = "Change the caller's display name, bio or avatar (JSON merge patch: null removes)")
	@ApiResponse(responseCode = "200", description = "The profile as changed",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ProfileResponse.class)))
	@ApiResponse(responseCode = "422",
			description = "The avatar cannot be this media (not the caller's, not a ready still image, or on a post)")
	@PatchMapping(path = "/me", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ProfileResponse updateMe(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdateRequest request) {
		return withCounts(this.profiles.update(CurrentUser.of(token), request), token);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getUser", summary = "A user's profile by id")
	ProfileResponse byId(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		long userId = UserIds.parse(id)
			.orElseThrow(() -> ProblemException.invalidField("id", "must be a user id: a positive decimal string"));
		return withCounts(this.profiles.byId(userId), token);
	}

	@GetMapping("/by-handle/{handle}")
	@Operation(operationId = "getUserByHandle", summary = "A user's profile by handle")
	ProfileResponse byHandle(@AuthenticationPrincipal Jwt token, @PathVariable String handle) {
		if (!handle.matches("[A-Za-z0-9_]{3,30}")) {
			throw new ProblemException(UserProblem.USER_NOT_FOUND, "No such user");
		}
		return withCounts(this.profiles.byHandle(handle), token);
	}

	private ProfileResponse withCounts(UserResponse user, Jwt token) {
		return ProfileResponse.of(user,
				this.followCounts.of(Long.parseLong(user.id()), token.getTokenValue()).orElse(null));
	}

}
