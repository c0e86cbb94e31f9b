package io.murmur.graph.fanout;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;

/**
 * What feed-service fans a post out with. Internal: the gateway never routes
 * {@code /internal}.
 * <ul>
 * <li>Every follower id of a user, in ascending id order, a page at a time. The next page
 * starts after the last id of the previous one (keyset pagination), a seek on the
 * {@code (followeeId, followerId)} index of {@code FOLLOWS} that reads only the page:
 * neither the service nor Neo4j ever holds all followers of a user with millions of them,
 * and follows made during the walk neither repeat nor shift ids.</li>
 * <li>The users someone follows that have at least a threshold of followers, read from
 * the maintained {@code followersCount}: their posts are pulled at read time rather than
 * pushed.</li>
 * </ul>
 */
@RestController
@RequestMapping("/internal/users")
class FanOutController {

	static final int MAX_FOLLOWER_IDS = 10_000;

	private final FanOutRepository repository;

	FanOutController(FanOutRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/{id}/follower-ids")
	FollowerIds followerIds(@PathVariable String id, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(MAX_FOLLOWER_IDS) int limit) {
		long userId = UserIds.parse("id", id);
		long from = (after != null && !after.isEmpty()) ? UserIds.parse("after", after) : 0;
		List<Long> ids = this.repository.followerIds(userId, from, limit + 1);
		List<Long> page = (ids.size() > limit) ? ids.subList(0, limit) : ids;
		String next = (ids.size() > limit) ? Long.toString(page.get(page.size() - 1)) : null;
		return new FollowerIds(page.stream().map((follower) -> Long.toString(follower)).toList(), next);
	}

	/**
	 * Every user someone follows, oldest follow first, a page at a time: what
	 * feed-service rebuilds a lost home feed from. A seek on the
	 * {@code (followerId, since, followeeId)} index of {@code FOLLOWS}; the next page
	 * starts after the {@code since:id} of the last entry of the previous one.
	 */
	@GetMapping("/{id}/followee-ids")
	FollowerIds followeeIds(@PathVariable String id, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(MAX_FOLLOWER_IDS) int limit) {
		long userId = UserIds.parse("id", id);
		long since = -1;
		long from = 0;
		if (after != null && !after.isEmpty()) {
			int colon = after.indexOf(':');
			if (colon < 1) {
				throw ProblemException.invalidField("after", "must be the nextAfter of a previous page");
			}
			since = parseLong(after.substring(0, colon));
			from = UserIds.parse("after", after.substring(colon + 1));
		}
		List<FanOutRepository.Followee> rows = this.repository.followees(userId, since, from, limit + 1);
		List<FanOutRepository.Followee> page = (rows.size() > limit) ? rows.subList(0, limit) : rows;
		String next = null;
		if (rows.size() > limit) {
			FanOutRepository.Followee last = page.get(page.size() - 1);
			next = last.since() + ":" + last.id();
		}
		return new FollowerIds(page.stream().map((row) -> Long.toString(row.id())).toList(), next);
	}

	private static long parseLong(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalidField("after", "must be the nextAfter of a previous page");
		}
	}

	@GetMapping("/{id}/celebrity-followees")
	CelebrityFollowees celebrityFollowees(@PathVariable String id,
			@RequestParam @Min(1) @Max(Integer.MAX_VALUE) long threshold) {
		long userId = UserIds.parse("id", id);
		return new CelebrityFollowees(this.repository.celebrityFollowees(userId, threshold));
	}

	/**
	 * A page of follower ids (ascending) or followee ids (oldest follow first).
	 *
	 * @param items the ids
	 * @param nextAfter the {@code after} of the next page, or {@code null} when this page
	 * is the last
	 */
	record FollowerIds(List<String> items, @Nullable String nextAfter) {

	}

	/**
	 * The followed users at or above the threshold.
	 *
	 * @param items the users, by ascending id
	 */
	record CelebrityFollowees(List<Celebrity> items) {

	}

	/**
	 * A followed user with many followers.
	 *
	 * @param id the user
	 * @param followersCount how many users follow them
	 */
	record Celebrity(String id, long followersCount) {

	}

}
