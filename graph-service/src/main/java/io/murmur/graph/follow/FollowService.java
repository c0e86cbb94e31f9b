package io.murmur.graph.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Service;

import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.graph.outbox.Outbox;
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
 * The driver retries a transaction that fails transiently.
 * <p>
 * The acting user's node is created if it is missing (their token proves they exist). A
 * followee without a node is looked up at user-service, and its node is created if
 * user-service knows it: the follow may have overtaken the followee's
 * {@code UserRegistered} event.
 */
@Service
class FollowService {

	private final Driver driver;

	private final UserNodes users;

	private final UserDirectory directory;

	private final Outbox outbox;

	private final Clock clock;

	FollowService(Driver driver, UserNodes users, UserDirectory directory, Outbox outbox) {
		this.driver = driver;
		this.users = users;
		this.directory = directory;
		this.outbox = outbox;
		this.clock = Clock.systemUTC();
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
			return write((tx) -> follow(tx, followerId, followeeId));
		}
		catch (FolloweeMissing ex) {
			if (!this.directory.exists(followeeId, bearerToken)) {
				throw new ProblemException(GraphProblem.USER_NOT_FOUND, "No user has the id " + followeeId);
			}
			this.users.ensure(followeeId);
			return write((tx) -> follow(tx, followerId, followeeId));
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
		return write((tx) -> unfollow(tx, followerId, followeeId));
	}

	private boolean follow(TransactionContext tx, long followerId, long followeeId) {
		this.users.ensure(tx, followerId);
		if (lock(tx, followerId, followeeId) < 2) {
			throw new FolloweeMissing();
		}
		Instant now = this.clock.instant();
		boolean created = tx.run("""
				MATCH (a:User {id: $follower}), (b:User {id: $followee})
				WHERE NOT EXISTS { (a)-[:FOLLOWS]->(b) }
				CREATE (a)-[:FOLLOWS {followerId: $follower, followeeId: $followee, since: $since}]->(b)
				SET a.followingCount = coalesce(a.followingCount, 0) + 1,
				    b.followersCount = coalesce(b.followersCount, 0) + 1
				RETURN count(*) AS created
				""", Map.of("follower", followerId, "followee", followeeId, "since", now.toEpochMilli()))
			.single()
			.get("created")
			.asLong() > 0;
		if (created) {
			this.outbox.append(tx, new UserFollowed(UUID.randomUUID(), now, followerId, followeeId,
					Instant.ofEpochMilli(now.toEpochMilli())));
		}
		unlock(tx, followerId, followeeId);
		return created;
	}

	private boolean unfollow(TransactionContext tx, long followerId, long followeeId) {
		if (lock(tx, followerId, followeeId) < 2) {
			unlock(tx, followerId, followeeId);
			return false;
		}
		boolean deleted = tx.run("""
				MATCH (a:User {id: $follower})-[r:FOLLOWS]->(b:User {id: $followee})
				DELETE r
				SET a.followingCount = a.followingCount - 1, b.followersCount = b.followersCount - 1
				RETURN count(*) AS deleted
				""", Map.of("follower", followerId, "followee", followeeId)).single().get("deleted").asLong() > 0;
		if (deleted) {
			this.outbox.append(tx, new UserUnfollowed(UUID.randomUUID(), this.clock.instant(), followerId, followeeId));
		}
		unlock(tx, followerId, followeeId);
		return deleted;
	}

	private static long lock(TransactionContext tx, long followerId, long followeeId) {
		return tx.run("""
				MATCH (u:User) WHERE u.id IN $ids
				WITH u ORDER BY u.id
				SET u._LOCK_ = true
				RETURN count(u) AS locked
				""", Map.of("ids", List.of(followerId, followeeId))).single().get("locked").asLong();
	}

	private static void unlock(TransactionContext tx, long followerId, long followeeId) {
		tx.run("MATCH (u:User) WHERE u.id IN $ids REMOVE u._LOCK_", Map.of("ids", List.of(followerId, followeeId)))
			.consume();
	}

	private boolean write(Work work) {
		try (Session session = this.driver.session()) {
			return session.executeWrite(work::run);
		}
	}

	private static void rejectSelf(long followerId, long followeeId) {
		if (followerId == followeeId) {
			throw new ProblemException(GraphProblem.CANNOT_FOLLOW_SELF, "A user cannot follow or unfollow themselves");
		}
	}

	@FunctionalInterface
	private interface Work {

		boolean run(TransactionContext tx);

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
