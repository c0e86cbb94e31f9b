package io.murmur.graph.user;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.web.UserIds;

/**
 * Follower and following counts, for user-service to compose into profiles: of one user,
 * or of up to {@value #MAX_IDS} users in one query. A user the graph has no node for
 * counts zero. Internal: the gateway never routes {@code /internal}.
 */
@RestController
@RequestMapping("/internal/users")
class CountsController {

	static final int MAX_IDS = 200;

	private final UserNodes users;

	CountsController(UserNodes users) {
		this.users = users;
	}

	@GetMapping("/{id}/counts")
	CountsResponse counts(@PathVariable String id) {
		return CountsResponse.of(this.users.counts(List.of(UserIds.parse("id", id))).get(0));
	}

	@PostMapping("/counts")
	BatchResponse counts(@Valid @RequestBody BatchRequest request) {
		Set<Long> ids = new LinkedHashSet<>();
		for (int i = 0; i < request.ids().size(); i++) {
			ids.add(UserIds.parse("ids[" + i + "]", request.ids().get(i)));
		}
		return new BatchResponse(this.users.counts(ids).stream().map(CountsResponse::of).toList());
	}

	/**
	 * A user's counts; the id is a string like every id of the API.
	 *
	 * @param id the user id
	 * @param followersCount how many users follow them
	 * @param followingCount how many users they follow
	 */
	record CountsResponse(String id, long followersCount, long followingCount) {

		static CountsResponse of(UserNodes.Counts counts) {
			return new CountsResponse(Long.toString(counts.id()), counts.followersCount(), counts.followingCount());
		}

	}

	/**
	 * A batch of counts to read.
	 *
	 * @param ids the user ids, as strings
	 */
	record BatchRequest(@NotNull @Size(min = 1, max = MAX_IDS,
			message = "must hold between 1 and " + MAX_IDS + " ids") List<@NotNull String> ids) {

	}

	/**
	 * The counts, in the order asked for, duplicates removed.
	 *
	 * @param items the counts
	 */
	record BatchResponse(List<CountsResponse> items) {

	}

}
