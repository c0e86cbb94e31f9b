package io.murmur.graph.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * Imports follows, up to {@value #MAX_FOLLOWS} per call: how a migration or a benchmark
 * loads a graph that the public API, one follow at a time, would take hours to build.
 * Missing users get their nodes; each follow that does not exist yet is created as a
 * normal follow creates it, dated at the time of the call, and the follower and following
 * counts grow by exactly the follows created. Repeated follows, in one call or across
 * calls, change nothing, so an interrupted import is simply sent again.
 * <p>
 * It publishes <em>no</em> {@code UserFollowed} events, on purpose: importing millions of
 * follows must not make feed-service backfill a home feed millions of times. An imported
 * follow reaches a home feed when the feed is built, and feed-service builds a missing
 * feed from the graph on its first read. The import is therefore meant for loading a
 * graph before its users read their feeds: a migration, a benchmark. Follows imported
 * into a feed that already exists do not show in it until it is rebuilt, and an author's
 * posts reach imported followers once feed-service's copy of the author's follower ids,
 * if it keeps one, expires.
 * <p>
 * Internal: the gateway never routes {@code /internal}, and only a service token may call
 * it; a user token gets 403 before the body is read.
 */
@RestController
@RequestMapping("/internal/follows")
class FollowImportController {

	static final int MAX_FOLLOWS = 5000;

	private final FollowImporter importer;

	FollowImportController(FollowImporter importer) {
		this.importer = importer;
	}

	/**
	 * Refuses user tokens. A model attribute method runs before the handler's arguments
	 * are resolved, so a user's request is refused before its body is read or validated.
	 * @param token the caller's token
	 */
	@ModelAttribute
	void requireServiceToken(@AuthenticationPrincipal Jwt token) {
		if (CurrentUser.optional(token).isPresent()) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "Only a service may import follows");
		}
	}

	@PostMapping("/import")
	ImportResponse importFollows(@Valid @RequestBody ImportRequest request) {
		Set<FollowImporter.Follow> follows = new LinkedHashSet<>();
		List<InvalidField> errors = new ArrayList<>();
		for (int i = 0; i < request.follows().size(); i++) {
			ImportedFollow follow = request.follows().get(i);
			long followerId = Objects.requireNonNull(follow.followerId());
			long followeeId = Objects.requireNonNull(follow.followeeId());
			if (followerId == followeeId) {
				errors.add(new InvalidField("follows[" + i + "].followeeId", "must differ from the followerId"));
			}
			follows.add(new FollowImporter.Follow(followerId, followeeId));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalidFields(errors);
		}
		return new ImportResponse(this.importer.importAll(List.copyOf(follows)));
	}

	/**
	 * An import.
	 *
	 * @param follows the follows, 1 to {@value #MAX_FOLLOWS}
	 */
	record ImportRequest(@NotNull @Size(min = 1, max = MAX_FOLLOWS, message = "must hold between 1 and " + MAX_FOLLOWS
			+ " follows") List<@NotNull @Valid ImportedFollow> follows) {

	}

	/**
	 * One follow to import.
	 *
	 * @param followerId the user who follows
	 * @param followeeId the user followed; not the follower
	 */
	record ImportedFollow(@NotNull @Positive @Nullable Long followerId, @NotNull @Positive @Nullable Long followeeId) {

	}

	/**
	 * The outcome.
	 *
	 * @param created how many of the follows did not exist and were created
	 */
	record ImportResponse(long created) {

	}

}
