package io.murmur.graph.fanout;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import io.murmur.graph.config.GraphTransactions;

/**
 * The reads fan-out and feed rebuilds walk a user's whole follow list with: keyset seeks
 * on the relationship indexes of {@code FOLLOWS} (see {@code GraphSchema}) that read one
 * page of index entries, however many follows the user has. Their hints are seek hints
 * for the reason {@code FollowRepository.FOLLOWERS} gives.
 */
@Repository
class FanOutRepository {

	static final String FOLLOWER_IDS = """
			MATCH ()-[r:FOLLOWS]->()
			USING INDEX SEEK r:FOLLOWS(followeeId, followerId)
			WHERE r.followeeId = $user AND r.followerId > $after
			RETURN r.followerId AS id
			ORDER BY r.followeeId, r.followerId
			LIMIT $limit
			""";

	static final String FOLLOWEE_IDS = """
			MATCH ()-[r:FOLLOWS]->()
			USING INDEX SEEK r:FOLLOWS(followerId, since, followeeId)
			WHERE r.followerId = $user AND r.since >= $since AND r.followeeId IS NOT NULL
			  AND CASE WHEN r.since > $since THEN true ELSE r.followeeId > $after END
			RETURN r.followeeId AS id, r.since AS since
			ORDER BY r.followerId, r.since, r.followeeId
			LIMIT $limit
			""";

	static final String CELEBRITY_FOLLOWEES = """
			MATCH (:User {id: $user})-[:FOLLOWS]->(c:User)
			WHERE c.followersCount >= $threshold
			RETURN c.id AS id, c.followersCount AS followers
			ORDER BY c.id
			""";

	private final Neo4jClient neo4j;

	private final GraphTransactions transactions;

	FanOutRepository(Neo4jClient neo4j, GraphTransactions transactions) {
		this.neo4j = neo4j;
		this.transactions = transactions;
	}

	/**
	 * Follower ids of a user in ascending order.
	 * @param userId the user
	 * @param after the id to start after, 0 for the first page
	 * @param limit the most to return
	 * @return the ids
	 */
	List<Long> followerIds(long userId, long after, int limit) {
		return this.transactions.read(() -> List.copyOf(this.neo4j.query(FOLLOWER_IDS)
			.bindAll(Map.of("user", userId, "after", after, "limit", limit))
			.fetchAs(Long.class)
			.mappedBy((types, row) -> row.get("id").asLong())
			.all()));
	}

	/**
	 * The users a user follows, oldest follow first.
	 * @param userId the user
	 * @param since the {@code since} of the follow to start after, -1 for the first page
	 * @param after the followee of that follow, which breaks ties
	 * @param limit the most to return
	 * @return the follows
	 */
	List<Followee> followees(long userId, long since, long after, int limit) {
		return this.transactions.read(() -> List.copyOf(this.neo4j.query(FOLLOWEE_IDS)
			.bindAll(Map.of("user", userId, "since", since, "after", after, "limit", limit))
			.fetchAs(Followee.class)
			.mappedBy((types, row) -> new Followee(row.get("id").asLong(), row.get("since").asLong()))
			.all()));
	}

	/**
	 * The users a user follows that have at least a number of followers.
	 * @param userId the user
	 * @param threshold the fewest followers
	 * @return the users, by ascending id
	 */
	List<FanOutController.Celebrity> celebrityFollowees(long userId, long threshold) {
		return this.transactions.read(() -> List.copyOf(this.neo4j.query(CELEBRITY_FOLLOWEES)
			.bindAll(Map.of("user", userId, "threshold", threshold))
			.fetchAs(FanOutController.Celebrity.class)
			.mappedBy((types, row) -> new FanOutController.Celebrity(Long.toString(row.get("id").asLong()),
					row.get("followers").asLong()))
			.all()));
	}

	/**
	 * A followed user and since when.
	 *
	 * @param id the followed user
	 * @param since when the follow began, epoch milliseconds
	 */
	record Followee(long id, long since) {

	}

}
