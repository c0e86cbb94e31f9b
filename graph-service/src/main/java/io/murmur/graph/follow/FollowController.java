package io.murmur.graph.follow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;

/**
 * The public follow API. The acting user is always the token's subject; the id in the
 * path is the other user. Pages list follows newest first with an opaque cursor and carry
 * user ids only: callers hydrate them into profiles with user-service.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "follows", description = "Who follows whom")
class FollowController {

	static final int MAX_PAGE = 100;

	static final int MAX_RELATIONSHIP_IDS = 100;

	private final FollowService follows;

	private final FollowRepository repository;

	FollowController(FollowService follows, FollowRepository repository) {
		this.follows = follows;
		this.repository = repository;
	}

	@PostMapping("/users/{id}/follow")
	@Operation(operationId = "followUser", summary = "Follow a user")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void follow(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
		this.follows.follow(actor(token), UserIds.parse("id", id), token.getTokenValue());
	}

	@DeleteMapping("/users/{id}/follow")
	@Operation(operationId = "unfollowUser", summary = "Stop following a user")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unfollow(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
		this.follows.unfollow(actor(token), UserIds.parse("id", id));
	}

	@GetMapping("/users/{id}/followers")
	@Operation(operationId = "listFollowers", summary = "The users who follow a user, newest first")
	Page followers(@PathVariable String id, @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		long userId = UserIds.parse("id", id);
		PageCursor after = PageCursor.decode(cursor);
		return Page.of(this.repository.followers(userId, after, limit + 1), limit);
	}

	@GetMapping("/users/{id}/following")
	@Operation(operationId = "listFollowing", summary = "The users a user follows, newest first")
	Page following(@PathVariable String id, @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		long userId = UserIds.parse("id", id);
		PageCursor after = PageCursor.decode(cursor);
		return Page.of(this.repository.following(userId, after, limit + 1), limit);
	}

	@GetMapping("/relationships")
	@Operation(operationId = "getRelationships",
			summary = "Whether the caller follows, and is followed by, each of up to 100 users")
	Relationships relationships(@RequestParam List<String> ids, @AuthenticationPrincipal Jwt token) {
		List<String> values = ids.stream().flatMap((value) -> Arrays.stream(value.split(",", -1))).toList();
		if (values.isEmpty()) {
			throw ProblemException.invalidField("ids", "must hold at least one id");
		}
		if (values.size() > MAX_RELATIONSHIP_IDS) {
			throw ProblemException.invalidField("ids", "must hold at most " + MAX_RELATIONSHIP_IDS + " ids");
		}
		Set<Long> others = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			others.add(UserIds.parse("ids[" + i + "]", values.get(i).strip()));
		}
		Map<Long, RelationshipItem> items = new LinkedHashMap<>();
		others.forEach((other) -> items.put(other, new RelationshipItem(Long.toString(other), false, false)));
		this.repository.relationships(actor(token), List.copyOf(others))
			.forEach((found) -> items.put(found.id(),
					new RelationshipItem(Long.toString(found.id()), found.following(), found.followedBy())));
		return new Relationships(new ArrayList<>(items.values()));
	}

	private static long actor(Jwt token) {
		return CurrentUser.of(token);
	}

	/**
	 * A page of follows, newest first.
	 *
	 * @param items the follows
	 * @param nextCursor where the next page starts, or {@code null} at the end
	 */
	@Schema(name = "FollowPage")
	record Page(List<PageItem> items, @Nullable String nextCursor) {

		static Page of(List<FollowRepository.Follow> follows, int limit) {
			List<FollowRepository.Follow> page = (follows.size() > limit) ? follows.subList(0, limit) : follows;
			List<PageItem> items = page.stream()
				.map((follow) -> new PageItem(Long.toString(follow.userId()), follow.followedAt()))
				.toList();
			String next = null;
			if (follows.size() > limit) {
				FollowRepository.Follow last = page.get(page.size() - 1);
				next = new PageCursor(last.since(), last.userId()).encode();
			}
			return new Page(items, next);
		}

	}

	/**
	 * One follow of a page.
	 *
	 * @param id the other user: the follower in a followers page, the followee in a
	 * following page
	 * @param followedAt when the follow began
	 */
	@Schema(name = "FollowPageItem")
	record PageItem(String id, Instant followedAt) {

	}

	/**
	 * The viewer's relationships, in the order the ids were asked for, duplicates
	 * removed.
	 *
	 * @param items one per id
	 */
	record Relationships(List<RelationshipItem> items) {

	}

	/**
	 * The viewer's relationship with one user; both {@code false} for a user the graph
	 * does not know.
	 *
	 * @param id the user
	 * @param following whether the viewer follows them
	 * @param followedBy whether they follow the viewer
	 */
	record RelationshipItem(String id, boolean following, boolean followedBy) {

	}

}
