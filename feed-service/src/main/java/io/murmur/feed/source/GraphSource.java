package io.murmur.feed.source;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What feed-service asks graph-service, with its own service token: followers to fan out
 * to, followees to rebuild from, and who has many followers.
 */
@Component
public class GraphSource {

	private final RestClient client;

	private final ServiceTokens tokens;

	GraphSource(ServiceCalls services, ServiceTokens tokens) {
		this.client = services.client("graph");
		this.tokens = tokens;
	}

	/**
	 * A page of a user's follower ids, ascending.
	 * @param userId the user
	 * @param after the last id of the previous page, or {@code null} for the first
	 * @param limit the page size
	 * @return the page
	 */
	public IdPage followerIds(long userId, @Nullable String after, int limit) {
		return ids("/internal/users/{id}/follower-ids?limit={limit}&after={after}", userId, limit,
				(after != null) ? after : "");
	}

	/**
	 * Everyone a user follows.
	 * @param userId the user
	 * @return the followee ids
	 */
	public List<Long> followeeIds(long userId) {
		List<Long> all = new ArrayList<>();
		String after = null;
		do {
			IdPage page = ids("/internal/users/{id}/followee-ids?limit={limit}&after={after}", userId, 10_000,
					(after != null) ? after : "");
			all.addAll(page.ids());
			after = page.nextAfter();
		}
		while (after != null);
		return all;
	}

	/**
	 * How many followers a user has.
	 * @param userId the user
	 * @return the count
	 */
	public long followersCount(long userId) {
		Counts counts = this.client.get()
			.uri("/internal/users/{id}/counts", userId)
			.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
			.retrieve()
			.body(Counts.class);
		if (counts == null) {
			throw new IllegalStateException("graph-service sent no counts for user " + userId);
		}
		return counts.followersCount();
	}

	/**
	 * The users someone follows that have at least a number of followers.
	 * @param userId the follower
	 * @param threshold the number of followers
	 * @return their ids
	 */
	public List<Long> celebrityFollowees(long userId, long threshold) {
		Celebrities celebrities = this.client.get()
			.uri("/internal/users/{id}/celebrity-followees?threshold={threshold}", userId, threshold)
			.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
			.retrieve()
			.body(Celebrities.class);
		return (celebrities != null) ? celebrities.items().stream().map((c) -> Long.parseLong(c.id())).toList()
				: List.of();
	}

	private IdPage ids(String uri, long userId, int limit, String after) {
		Ids page = this.client.get()
			.uri(uri, userId, limit, after)
			.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
			.retrieve()
			.body(Ids.class);
		if (page == null) {
			throw new IllegalStateException("graph-service sent no page for user " + userId);
		}
		return new IdPage(page.items().stream().map(Long::valueOf).toList(), page.nextAfter());
	}

	/**
	 * A page of user ids.
	 *
	 * @param ids the ids
	 * @param nextAfter where the next page starts (opaque), {@code null} after the last
	 */
	public record IdPage(List<Long> ids, @Nullable String nextAfter) {

	}

	record Ids(List<String> items, @Nullable String nextAfter) {

	}

	record Counts(long followersCount, long followingCount) {

	}

	record Celebrities(List<Celebrity> items) {

	}

	record Celebrity(String id, long followersCount) {

	}

}
