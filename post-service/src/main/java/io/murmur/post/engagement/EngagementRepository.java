package io.murmur.post.engagement;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import org.springframework.data.cassandra.core.AsyncCassandraOperations;
import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.stereotype.Repository;

import io.murmur.post.post.InQueries;

/**
 * Likes, reposts and the counters of posts in Cassandra, through prepared statements. A
 * like or a repost is one row per post and user ({@code post_likes},
 * {@code post_reposts}), each its own partition so that concurrent likes of one post do
 * not contend in Paxos, decided by a lightweight transaction so that exactly one of
 * concurrent identical requests wins. The counters ({@code post_counts}) are Cassandra
 * counters, which cannot join a logged batch.
 */
@Repository
public class EngagementRepository {

	private final CqlOperations cql;

	private final AsyncCqlOperations async;

	EngagementRepository(CqlOperations cql, AsyncCassandraOperations async) {
		this.cql = cql;
		this.async = async.getAsyncCqlOperations();
	}

	/**
	 * Records a like unless it exists.
	 * @return whether the like is new
	 */
	boolean like(long postId, long userId, Instant at) {
		return this.cql.execute("INSERT INTO post_likes (post_id, user_id, liked_at) VALUES (?, ?, ?) IF NOT EXISTS",
				postId, userId, at);
	}

	/**
	 * Removes a like if it exists.
	 * @return whether a like was removed
	 */
	boolean unlike(long postId, long userId) {
		return this.cql.execute("DELETE FROM post_likes WHERE post_id = ? AND user_id = ? IF EXISTS", postId, userId);
	}

	/**
	 * Records a repost unless the user reposted the post already.
	 * @return whether the repost is new
	 */
	boolean repost(long postId, long userId, long repostId) {
		return this.cql.execute("INSERT INTO post_reposts (post_id, user_id, repost_id) VALUES (?, ?, ?) IF NOT EXISTS",
				postId, userId, repostId);
	}

	/**
	 * The id of the user's repost of a post, read at serial consistency so that it sees
	 * every lightweight transaction committed before.
	 */
	Optional<Long> findRepost(long postId, long userId) {
		List<Long> found = this.cql.query("SELECT repost_id FROM post_reposts WHERE post_id = ? AND user_id = ?",
				(statement) -> statement.bind(postId, userId).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL),
				(row, number) -> row.getLong(0));
		return found.stream().findFirst();
	}

	/**
	 * Removes the user's repost of a post if it is the given one.
	 * @return whether it was removed
	 */
	boolean unrepost(long postId, long userId, long repostId) {
		return this.cql.execute("DELETE FROM post_reposts WHERE post_id = ? AND user_id = ? IF repost_id = ?", postId,
				userId, repostId);
	}

	void addLikes(long postId, long delta) {
		this.cql.execute("UPDATE post_counts SET likes = likes + ? WHERE post_id = ?", delta, postId);
	}

	void addReposts(long postId, long delta) {
		this.cql.execute("UPDATE post_counts SET reposts = reposts + ? WHERE post_id = ?", delta, postId);
	}

	/**
	 * Moves the replies counter of a post.
	 * @param postId the post replied to
	 * @param delta by how much
	 */
	public void addReplies(long postId, long delta) {
		this.cql.execute("UPDATE post_counts SET replies = replies + ? WHERE post_id = ?", delta, postId);
	}

	/**
	 * Removes the counters of a deleted post.
	 * @param postId the post
	 */
	public void deleteCounts(long postId) {
		this.cql.execute("DELETE FROM post_counts WHERE post_id = ?", postId);
	}

	/**
	 * The counters of many posts.
	 * @param ids the posts
	 * @return the counters of those that have any, by post id
	 */
	public CompletableFuture<Map<Long, Counts>> counts(Collection<Long> ids) {
		return InQueries
			.all(this.async, "SELECT post_id, likes, reposts, replies FROM post_counts WHERE post_id IN ?", ids,
					List.of(),
					(row, number) -> Map.entry(row.getLong(0),
							new Counts(row.getLong(1), row.getLong(2), row.getLong(3))))
			.thenApply(EngagementRepository::toMap);
	}

	/**
	 * Which of the posts a user likes.
	 * @param ids the posts
	 * @param userId the user
	 * @return the ids of those the user likes
	 */
	public CompletableFuture<Set<Long>> likedBy(Collection<Long> ids, long userId) {
		return InQueries
			.all(this.async, "SELECT post_id FROM post_likes WHERE post_id IN ? AND user_id = ?", ids, List.of(userId),
					(row, number) -> row.getLong(0))
			.thenApply(HashSet::new);
	}

	/**
	 * Which of the posts a user reposted.
	 * @param ids the posts
	 * @param userId the user
	 * @return the ids of those the user reposted
	 */
	public CompletableFuture<Set<Long>> repostedBy(Collection<Long> ids, long userId) {
		return InQueries
			.all(this.async, "SELECT post_id FROM post_reposts WHERE post_id IN ? AND user_id = ?", ids,
					List.of(userId), (row, number) -> row.getLong(0))
			.thenApply(HashSet::new);
	}

	private static <K, V> Map<K, V> toMap(List<Map.Entry<K, V>> entries) {
		Map<K, V> map = new HashMap<>();
		entries.forEach((entry) -> map.put(entry.getKey(), entry.getValue()));
		return map;
	}

	/**
	 * The counters of a post.
	 *
	 * @param likes how many users like it
	 * @param reposts how many users reposted it
	 * @param replies how many replies it has
	 */
	public record Counts(long likes, long reposts, long replies) {

		/** The counters of a post nobody engaged with yet. */
		public static final Counts NONE = new Counts(0, 0, 0);

	}

}
