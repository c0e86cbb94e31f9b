package io.murmur.user.profile;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.user.account.UserIds;
import io.murmur.user.account.UserResponse;
import io.murmur.user.web.CurrentUser;
import io.murmur.user.web.ProblemException;
import io.murmur.user.web.ProblemType;

/**
 * Profiles. Whose profile {@code /me} is, and so whose profile a change applies to, comes
 * from the access token's subject only.
 */
@RestController
@RequestMapping("/api/v1/users")
class ProfileController {

	private final ProfileService profiles;

	ProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/me")
	UserResponse me(@AuthenticationPrincipal Jwt token) {
		return this.profiles.byId(CurrentUser.of(token));
	}

	@PatchMapping(path = "/me", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	UserResponse updateMe(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdateRequest request) {
		return this.profiles.update(CurrentUser.of(token), request);
	}

	@GetMapping("/{id}")
	UserResponse byId(@PathVariable String id) {
		long userId = UserIds.parse(id)
			.orElseThrow(() -> ProblemException.invalidField("id", "must be a user id: a positive decimal string"));
		return this.profiles.byId(userId);
	}

	@GetMapping("/by-handle/{handle}")
	UserResponse byHandle(@PathVariable String handle) {
		if (!handle.matches("[A-Za-z0-9_]{3,30}")) {
			throw new ProblemException(ProblemType.USER_NOT_FOUND, "No such user");
		}
		return this.profiles.byHandle(handle);
	}

}
