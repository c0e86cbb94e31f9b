package io.murmur.user.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;
import io.murmur.user.account.UserResponse;

/**
 * The batch lookup other services hydrate pages of posts and users with: up to
 * {@value #MAX_IDS} ids, read with one query. Internal: the gateway never routes
 * {@code /internal}, and it still needs an access token.
 */
@RestController
@RequestMapping("/internal/users")
class UserBatchController {

	static final int MAX_IDS = 200;

	private final ProfileService profiles;

	UserBatchController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@PostMapping("/batch")
	BatchResponse batch(@Valid @RequestBody BatchRequest request) {
		Set<Long> ids = new LinkedHashSet<>();
		for (int i = 0; i < request.ids().size(); i++) {
			OptionalLong id = UserIds.parse(request.ids().get(i));
			if (id.isEmpty()) {
				throw ProblemException.invalidField("ids[" + i + "]", "must be a user id: a positive decimal string");
			}
			ids.add(id.getAsLong());
		}
		return new BatchResponse(this.profiles.byIds(ids));
	}

	/**
	 * A batch lookup.
	 *
	 * @param ids the user ids, as strings
	 */
	record BatchRequest(@NotNull @Size(max = MAX_IDS,
			message = "must hold at most " + MAX_IDS + " ids") List<@NotNull String> ids) {

	}

	/**
	 * The users found, in the order asked for; unknown ids are left out.
	 *
	 * @param items the users
	 */
	record BatchResponse(List<UserResponse> items) {

	}

}
