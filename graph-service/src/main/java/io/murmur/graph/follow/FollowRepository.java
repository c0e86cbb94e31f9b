package io.murmur.graph.follow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.stereotype.Repository;

/**
 * The reads of follows. Each is an index seek on the properties the {@code FOLLOWS}
 * relationship carries (see {@code GraphSchema}), in the order of the index, so a page
 * costs about as much for a user with a million followers as for one with ten.
 */
@Repository
class FollowRepository {

	private final Driver driver;

	FollowRepository(Driver driver) {
		this.driver = driver;
	}

	/**
	 * The followers of a user, newest follow first.
	 * @param userId the user
	 * @param after where the previous page ended
	 * @param limit the most to return
	 * @return the follows
	 */
	List<Follow> followers(long userId, PageCursor after, int limit) {
		return read("""
				MATCH ()-[r:FOLLOWS]->()
				WHERE r.followeeId = $user AND r.since <= $since
				  AND (r.since < $since OR r.followerId < $other)
				RETURN r.followerId AS other, r.since AS since
				ORDER BY r.since DESC, r.followerId DESC
				LIMIT $limit
				""", userId, after, limit);
	}

	/**
	 * The users a user follows, newest follow first.
	 * @param userId the user
	 * @param after where the previous page ended
	 * @param limit the most to return
	 * @return the follows
	 */
	List<Follow> following(long userId, PageCursor after, int limit) {
		return read("""
				MATCH ()-[r:FOLLOWS]->()
				WHERE r.followerId = $user AND r.since <= $since
				  AND (r.since < $since OR r.followeeId < $other)
				RETURN r.followeeId AS other, r.since AS since
				ORDER BY r.since DESC, r.followeeId DESC
				LIMIT $limit
				""", userId, after, limit);
	}

	/**
	 * A viewer's relationships with other users, in one query.
	 * @param viewerId the viewer
	 * @param ids the other users
	 * @return for each user the viewer's relationship with it; users missing from the
	 * graph are left out
	 */
	List<Relationship> relationships(long viewerId, List<Long> ids) {
		try (Session session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run("""
					MATCH (v:User {id: $viewer})
					UNWIND $ids AS id
					MATCH (o:User {id: id})
					RETURN o.id AS id, EXISTS { (v)-[:FOLLOWS]->(o) } AS following,
					       EXISTS { (o)-[:FOLLOWS]->(v) } AS followedBy
					""", Map.of("viewer", viewerId, "ids", ids))
				.list((row) -> new Relationship(row.get("id").asLong(), row.get("following").asBoolean(),
						row.get("followedBy").asBoolean())));
		}
	}

	private List<Follow> read(String query, long userId, PageCursor after, int limit) {
		try (Session session = this.driver.session()) {
			return session
				.executeRead(
						(tx) -> tx
							.run(query,
									Map.of("user", userId, "since", after.since(), "other", after.userId(), "limit",
											limit))
							.list((row) -> new Follow(row.get("other").asLong(), row.get("since").asLong())));
		}
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
