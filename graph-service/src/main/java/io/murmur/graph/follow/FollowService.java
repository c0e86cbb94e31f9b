package io.murmur.graph.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.graph.config.GraphTransactions;
import io.murmur.graph.outbox.Neo4jOutbox;
import io.murmur.graph.user.UserDirectory;
import io.murmur.graph.user.UserNodes;
import io.murmur.graph.web.GraphProblem;
import io.murmur.support.web.ProblemException;

/**
 * Follows and unfollows, each in one Neo4j transaction that changes the relationship,
 * both users' counts and the outbox together, and only when the relationship really was
 * created or deleted: a repeated request changes nothing and publishes nothing.
 * <p>
 * The transaction first write-locks both user nodes, in id order so that two users
 * following each other at once cannot deadlock, and only then looks for the relationship.
 * Concurrent requests about the same pair are therefore serialised, the second sees what
 * the first committed, and the counts, read and written under the locks, lose no update.
 * A transaction that fails transiently is run again ({@link GraphTransactions}).
 * <p>
 * The acting user's node is created if it is missing (their token proves they exist). A
 * followee without a node is looked up at user-service, and its node is created if
 * user-service knows it: the follow may have overtaken the followee's
 * {@code UserRegistered} event.
 */
@Service
class FollowService {

	private static final String FOLLOW = """
			MATCH (a:User {id: $follower}), (b:User {id: $followee})
			WHERE NOT EXISTS { (a)-[:FOLLOWS]->(b) }
			CREATE (a)-[:FOLLOWS {followerId: $follower, followeeId: $followee, since: $since}]->(b)
			SET a.followingCount = coalesce(a.followingCount, 0) + 1,
			    b.followersCount = coalesce(b.followersCount, 0) + 1
			RETURN count(*) AS created
			""";

	private static final String UNFOLLOW = """
			MATCH (a:User {id: $follower})-[r:FOLLOWS]->(b:User {id: $followee})
			DELETE r
			SET a.followingCount = a.followingCount - 1, b.followersCount = b.followersCount - 1
			RETURN count(*) AS deleted
			""";

	private static final String LOCK = """
			MATCH (u:User) WHERE u.id IN $ids
			WITH u ORDER BY u.id
			SET u._LOCK_ = true
			RETURN count(u) AS locked
			""";

	private static final String UNLOCK = "MATCH (u:User) WHERE u.id IN $ids REMOVE u._LOCK_";

	private final Neo4jClient neo4j;

	private final GraphTransactions transactions;

	private final UserNodes users;

	private final UserDirectory directory;

	private final Neo4jOutbox outbox;

	private final Clock clock;

	FollowService(Neo4jClient neo4j, GraphTransactions transactions, UserNodes users, UserDirectory directory,
			Neo4jOutbox outbox, Clock clock) {
		this.neo4j = neo4j;
		this.transactions = transactions;
		this.users = users;
		this.directory = directory;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Makes a user follow another, if they do not already.
	 * @param followerId the acting user
	 * @param followeeId the user to follow
	 * @param bearerToken the acting user's access token, forwarded to user-service
	 * @return {@code true} if the follow is new
	 */
	boolean follow(long followerId, long followeeId, String bearerToken) {
		rejectSelf(followerId, followeeId);
		try {
			return this.transactions.write(() -> followInTransaction(followerId, followeeId));
		}
		catch (FolloweeMissing ex) {
			if (!this.directory.exists(followeeId, bearerToken)) {
				throw new ProblemException(GraphProblem.USER_NOT_FOUND, "No user has the id " + followeeId);
			}
			this.users.ensure(followeeId);
			return this.transactions.write(() -> followInTransaction(followerId, followeeId));
		}
	}

	/**
	 * Makes a user stop following another, if they do.
	 * @param followerId the acting user
	 * @param followeeId the user to unfollow
	 * @return {@code true} if a follow was removed
	 */
	boolean unfollow(long followerId, long followeeId) {
		rejectSelf(followerId, followeeId);
		return this.transactions.write(() -> unfollowInTransaction(followerId, followeeId));
	}

	private boolean followInTransaction(long followerId, long followeeId) {
		this.users.ensureInTransaction(followerId);
		List<Long> pair = List.of(followerId, followeeId);
		if (count(LOCK, Map.of("ids", pair)) < 2) {
			throw new FolloweeMissing();
		}
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		boolean created = count(FOLLOW,
				Map.of("follower", followerId, "followee", followeeId, "since", now.toEpochMilli())) > 0;
		if (created) {
			this.outbox.append(new UserFollowed(UUID.randomUUID(), now, followerId, followeeId, now));
		}
		this.neo4j.query(UNLOCK).bind(pair).to("ids").run();
		return created;
	}

	private boolean unfollowInTransaction(long followerId, long followeeId) {
		List<Long> pair = List.of(followerId, followeeId);
		boolean deleted = count(LOCK, Map.of("ids", pair)) == 2
				&& count(UNFOLLOW, Map.of("follower", followerId, "followee", followeeId)) > 0;
		if (deleted) {
			this.outbox.append(new UserUnfollowed(UUID.randomUUID(), this.clock.instant(), followerId, followeeId));
		}
		this.neo4j.query(UNLOCK).bind(pair).to("ids").run();
		return deleted;
	}

	private long count(String query, Map<String, Object> parameters) {
		return this.neo4j.query(query).bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
	}

	private static void rejectSelf(long followerId, long followeeId) {
		if (followerId == followeeId) {
			throw new ProblemException(GraphProblem.CANNOT_FOLLOW_SELF, "A user cannot follow or unfollow themselves");
		}
	}

	/**
	 * The followee has no node yet; the transaction is rolled back.
	 */
	private static final class FolloweeMissing extends RuntimeException {

		FolloweeMissing() {
			super(null, null, false, false);
		}

	}

}
