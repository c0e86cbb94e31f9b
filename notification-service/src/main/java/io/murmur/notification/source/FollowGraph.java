package io.murmur.notification.source;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What notification-service asks graph-service: whether one user follows another, for the
 * preference "not from people I do not follow".
 * <p>
 * graph-service's relationship lookup ({@code /api/v1/relationships}) answers for the
 * user whose token calls it, which a consumer of events does not hold. Its internal
 * keyset read of a user's follower ids, in ascending order, answers the same question
 * with a service token: the first follower id after {@code follower - 1} is
 * {@code follower} exactly when they follow, one seek on the follows index.
 */
@Component
public class FollowGraph {

	private final ServiceClient graph;

	FollowGraph(ServiceCalls services, ServiceTokens tokens) {
		this.graph = new ServiceClient(services, "graph", tokens);
	}

	/**
	 * Whether one user follows another.
	 * @param followerId who might follow
	 * @param followeeId who might be followed
	 * @return whether {@code followerId} follows {@code followeeId}
	 */
	public boolean follows(long followerId, long followeeId) {
		String after = (followerId > 1) ? Long.toString(followerId - 1) : "";
		FollowerIds page = this.graph.call(
				(client) -> client.get()
					.uri("/internal/users/{id}/follower-ids?limit=1&after={after}", followeeId, after),
				FollowerIds.class);
		return !page.items().isEmpty() && page.items().get(0).equals(Long.toString(followerId));
	}

	record FollowerIds(List<String> items, @Nullable String nextAfter) {

	}

}
