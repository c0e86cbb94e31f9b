package io.murmur.graph.imports;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Service;

/**
 * Imports follows in one Neo4j transaction per call, with three statements over the whole
 * batch ({@code UNWIND}):
 * <ol>
 * <li>every user of the batch gets a node if it has none, and all of them are
 * write-locked in ascending id order, the order the follow API locks in too: concurrent
 * imports and follows that touch the same users wait for each other instead of
 * deadlocking, and each sees what the other committed;</li>
 * <li>each follow that does not exist is created, with the properties a normal follow
 * has, and the created ones are returned;</li>
 * <li>every user's counts grow by the follows created from and to it, and the locks are
 * released.</li>
 * </ol>
 * Counting only the follows really created, under the locks, keeps the counts exact
 * however imports and follows overlap. The driver retries the transaction if it fails
 * transiently, a deadlock with some other writer included.
 */
@Service
class FollowImporter {

	static final String MERGE_AND_LOCK = """
			UNWIND $ids AS id
			MERGE (u:User {id: id})
			ON CREATE SET u.followersCount = 0, u.followingCount = 0
			WITH u ORDER BY u.id
			SET u._LOCK_ = true
			""";

	static final String CREATE = """
			UNWIND $follows AS f
			MATCH (a:User {id: f.followerId}), (b:User {id: f.followeeId})
			WHERE NOT EXISTS { (a)-[:FOLLOWS]->(b) }
			CREATE (a)-[:FOLLOWS {followerId: f.followerId, followeeId: f.followeeId, since: $since}]->(b)
			RETURN f.followerId AS followerId, f.followeeId AS followeeId
			""";

	static final String COUNT_AND_UNLOCK = """
			UNWIND $counts AS c
			MATCH (u:User {id: c.id})
			SET u.followersCount = coalesce(u.followersCount, 0) + c.followers,
			    u.followingCount = coalesce(u.followingCount, 0) + c.following
			REMOVE u._LOCK_
			""";

	private final Driver driver;

	private final Clock clock;

	FollowImporter(Driver driver) {
		this.driver = driver;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Imports follows.
	 * @param follows the follows, each once, none of a user to themselves
	 * @return how many were created
	 */
	long importAll(List<Follow> follows) {
		TreeSet<Long> ids = new TreeSet<>();
		follows.forEach((follow) -> {
			ids.add(follow.followerId());
			ids.add(follow.followeeId());
		});
		List<Map<String, Object>> rows = follows.stream()
			.<Map<String, Object>>map(
					(follow) -> Map.of("followerId", follow.followerId(), "followeeId", follow.followeeId()))
			.toList();
		long since = this.clock.millis();
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> importAll(tx, List.copyOf(ids), rows, since));
		}
	}

	private static long importAll(TransactionContext tx, List<Long> ids, List<Map<String, Object>> follows,
			long since) {
		tx.run(MERGE_AND_LOCK, Map.of("ids", ids)).consume();
		List<Record> created = tx.run(CREATE, Map.of("follows", follows, "since", since)).list();
		Map<Long, Long> followers = new HashMap<>();
		Map<Long, Long> following = new HashMap<>();
		for (Record follow : created) {
			followers.merge(follow.get("followeeId").asLong(), 1L, Long::sum);
			following.merge(follow.get("followerId").asLong(), 1L, Long::sum);
		}
		List<Map<String, Object>> changes = ids.stream()
			.<Map<String, Object>>map((id) -> Map.of("id", id, "followers", followers.getOrDefault(id, 0L), "following",
					following.getOrDefault(id, 0L)))
			.toList();
		tx.run(COUNT_AND_UNLOCK, Map.of("counts", changes)).consume();
		return created.size();
	}

	/**
	 * A follow to import.
	 *
	 * @param followerId the user who follows
	 * @param followeeId the user followed
	 */
	record Follow(long followerId, long followeeId) {

	}

}
