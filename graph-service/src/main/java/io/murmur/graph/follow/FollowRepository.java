package io.murmur.graph.follow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import io.murmur.graph.config.GraphTransactions;

/**
 * The reads of follows. Each is an index seek on the properties the {@code FOLLOWS}
 * relationship carries (see {@code GraphSchema}), in the order of the index, so a page
 * costs about as much for a user with a million followers as for one with ten.
 */
@Repository
class FollowRepository {

	/**
	 * Followers newest first: a backwards seek on {@code (followeeId, since, followerId)}
	 * from the cursor. The tie-break on the follower id is a {@code CASE}, not an
	 * {@code OR}, because the planner splits an {@code OR} into a union that scans every
	 * follow. The hint is {@code USING INDEX SEEK}, not {@code USING INDEX}: the
	 * predicates imply that all three properties exist, so a plain index hint also admits
	 * a filtered scan of the whole index (the plan a full test run once got); a seek hint
	 * admits only the seek, whatever the statistics say.
	 */
	static final String FOLLOWERS = """
			MATCH ()-[r:FOLLOWS]->()
			USING INDEX SEEK r:FOLLOWS(followeeId, since, followerId)
			WHERE r.followeeId = $user AND r.since <= $since AND r.followerId IS NOT NULL
			  AND CASE WHEN r.since < $since THEN true ELSE r.followerId < $other END
			RETURN r.followerId AS other, r.since AS since
			ORDER BY r.followeeId DESC, r.since DESC, r.followerId DESC
			LIMIT $limit
			""";

	/**
	 * Followees newest first, the mirror image of {@link #FOLLOWERS}.
	 */
	static final String FOLLOWING = """
			MATCH ()-[r:FOLLOWS]->()
			USING INDEX SEEK r:FOLLOWS(followerId, since, followeeId)
			WHERE r.followerId = $user AND r.since <= $since AND r.followeeId IS NOT NULL
			  AND CASE WHEN r.since < $since THEN true ELSE r.followeeId < $other END
			RETURN r.followeeId AS other, r.since AS since
			ORDER BY r.followerId DESC, r.since DESC, r.followeeId DESC
			LIMIT $limit
			""";

	static final String RELATIONSHIPS = """
			MATCH (v:User {id: $viewer})
			UNWIND $ids AS id
			MATCH (o:User {id: id})
			RETURN o.id AS id, EXISTS { (v)-[:FOLLOWS]->(o) } AS following,
			       EXISTS { (o)-[:FOLLOWS]->(v) } AS followedBy
			""";

	private final Neo4jClient neo4j;

	private final GraphTransactions transactions;

	FollowRepository(Neo4jClient neo4j, GraphTransactions transactions) {
		this.neo4j = neo4j;
		this.transactions = transactions;
	}

	/**
	 * The followers of a user, newest follow first.
	 * @param userId the user
	 * @param after where the previous page ended
	 * @param limit the most to return
	 * @return the follows
	 */
	List<Follow> followers(long userId, PageCursor after, int limit) {
		return read(FOLLOWERS, userId, after, limit);
	}

	/**
	 * The users a user follows, newest follow first.
	 * @param userId the user
	 * @param after where the previous page ended
	 * @param limit the most to return
	 * @return the follows
	 */
	List<Follow> following(long userId, PageCursor after, int limit) {
		return read(FOLLOWING, userId, after, limit);
	}

	/**
	 * A viewer's relationships with other users, in one query.
	 * @param viewerId the viewer
	 * @param ids the other users
	 * @return for each user the viewer's relationship with it; users missing from the
	 * graph are left out
	 */
	List<Relationship> relationships(long viewerId, List<Long> ids) {
		return this.transactions.read(() -> List.copyOf(this.neo4j.query(RELATIONSHIPS)
			.bindAll(Map.of("viewer", viewerId, "ids", ids))
			.fetchAs(Relationship.class)
			.mappedBy((types, row) -> new Relationship(row.get("id").asLong(), row.get("following").asBoolean(),
					row.get("followedBy").asBoolean()))
			.all()));
	}

	private List<Follow> read(String query, long userId, PageCursor after, int limit) {
		return this.transactions.read(() -> List.copyOf(this.neo4j.query(query)
			.bindAll(Map.of("user", userId, "since", after.since(), "other", after.userId(), "limit", limit))
			.fetchAs(Follow.class)
			.mappedBy((types, row) -> new Follow(row.get("other").asLong(), row.get("since").asLong()))
			.all()));
	}

	/**
	 * One follow as seen from one of its users.
	 *
	 * @param userId the other user
	 * @param since when the follow began, epoch milliseconds
	 */
	record Follow(long userId, long since) {

		Instant followedAt() {
			return Instant.ofEpochMilli(this.since);
		}

	}

	/**
	 * A viewer's relationship with another user.
	 *
	 * @param id the other user
	 * @param following whether the viewer follows them
	 * @param followedBy whether they follow the viewer
	 */
	record Relationship(long id, boolean following, boolean followedBy) {

	}

}
