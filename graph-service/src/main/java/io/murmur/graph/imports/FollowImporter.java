package io.murmur.graph.imports;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.murmur.graph.config.GraphTransactions;

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
 * however imports and follows overlap. A transaction that fails transiently, a deadlock
 * with some other writer included, is run again ({@link GraphTransactions}).
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

	private final Neo4jClient neo4j;

	private final GraphTransactions transactions;

	private final Clock clock;

	FollowImporter(Neo4jClient neo4j, GraphTransactions transactions, Clock clock) {
		this.neo4j = neo4j;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Imports follows.
	 * @param follows the follows, each once, none of a user to themselves
	 * @return how many were created
	 */
	long importAll(List<Follow> follows) {
		List<Long> ids = userIds(follows);
		List<Map<String, Object>> rows = rows(follows);
		long since = this.clock.millis();
		return this.transactions.write(() -> importInTransaction(ids, rows, since));
	}

	/**
	 * Every user of a batch, in ascending id order: the order they are locked in.
	 * @param follows the follows
	 * @return the user ids
	 */
	static List<Long> userIds(List<Follow> follows) {
		TreeSet<Long> ids = new TreeSet<>();
		follows.forEach((follow) -> {
			ids.add(follow.followerId());
			ids.add(follow.followeeId());
		});
		return List.copyOf(ids);
	}

	/**
	 * The follows as the parameter of {@link #CREATE}.
	 * @param follows the follows
	 * @return one map a follow
	 */
	static List<Map<String, Object>> rows(List<Follow> follows) {
		return follows.stream()
			.<Map<String, Object>>map(
					(follow) -> Map.of("followerId", follow.followerId(), "followeeId", follow.followeeId()))
			.toList();
	}

	private long importInTransaction(List<Long> ids, List<Map<String, Object>> follows, long since) {
		this.neo4j.query(MERGE_AND_LOCK).bind(ids).to("ids").run();
		List<Follow> created = List.copyOf(this.neo4j.query(CREATE)
			.bindAll(Map.of("follows", follows, "since", since))
			.fetchAs(Follow.class)
			.mappedBy((types, row) -> new Follow(row.get("followerId").asLong(), row.get("followeeId").asLong()))
			.all());
		List<Map<String, Object>> changes = countChanges(ids, created);
		this.neo4j.query(COUNT_AND_UNLOCK).bind(changes).to("counts").run();
		return created.size();
	}

	/**
	 * How much each user's counts grow.
	 * @param ids every user of the batch
	 * @param created the follows created
	 * @return the parameters of {@link #COUNT_AND_UNLOCK}, one per user
	 */
	static List<Map<String, Object>> countChanges(List<Long> ids, List<Follow> created) {
		Map<Long, Long> followers = new HashMap<>();
		Map<Long, Long> following = new HashMap<>();
		for (Follow follow : created) {
			followers.merge(follow.followeeId(), 1L, Long::sum);
			following.merge(follow.followerId(), 1L, Long::sum);
		}
		return ids.stream()
			.<Map<String, Object>>map((id) -> Map.of("id", id, "followers", followers.getOrDefault(id, 0L), "following",
					following.getOrDefault(id, 0L)))
			.toList();
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
