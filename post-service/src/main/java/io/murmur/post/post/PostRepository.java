package io.murmur.post.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import io.murmur.post.outbox.Outbox;

/**
 * Posts, timelines, replies, likes, reposts and counts in Cassandra, through prepared
 * statements only and only by partition key: no request reads across partitions. Reads of
 * many posts run as concurrent single-partition queries rather than {@code IN} lists, so
 * each is routed to a replica of its own partition.
 */
@Repository
class PostRepository {

	private final CqlSession session;

	private final Outbox outbox;

	private final PreparedStatement insertPost;

	private final PreparedStatement insertTimeline;

	private final PreparedStatement insertBucket;

	private final PreparedStatement insertReply;

	/** The most ids one {@code IN} query asks for. */
	static final int IN_CHUNK = 50;

	private final PreparedStatement selectPost;

	private final PreparedStatement deletePost;

	private final PreparedStatement deleteTimeline;

	private final PreparedStatement deleteReply;

	private final PreparedStatement selectBuckets;

	private final PreparedStatement selectTimeline;

	private final PreparedStatement selectTimelineBefore;

	private final PreparedStatement selectReplies;

	private final PreparedStatement selectRepliesAfter;

	private final PreparedStatement selectPostsIn;

	private final PreparedStatement selectCountsIn;

	private final PreparedStatement selectLikesIn;

	private final PreparedStatement selectRepostsIn;

	private final PreparedStatement addLikes;

	private final PreparedStatement addReposts;

	private final PreparedStatement addReplies;

	private final PreparedStatement deleteCounts;

	private final PreparedStatement insertLike;

	private final PreparedStatement deleteLike;

	private final PreparedStatement insertRepost;

	private final PreparedStatement selectRepost;

	private final PreparedStatement deleteRepost;

	PostRepository(CqlSession session, Outbox outbox) {
		this.session = session;
		this.outbox = outbox;
		this.insertPost = session.prepare("INSERT INTO posts (post_id, author_id, created_at, text, media_ids,"
				+ " reply_to, reply_to_author, quote_of, repost_of, repost_of_author, mentions, hashtags)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		this.insertTimeline = session.prepare("INSERT INTO user_posts (author_id, bucket, post_id) VALUES (?, ?, ?)");
		this.insertBucket = session.prepare("INSERT INTO author_buckets (author_id, bucket) VALUES (?, ?)");
		this.insertReply = session.prepare("INSERT INTO post_replies (parent_id, post_id) VALUES (?, ?)");
		this.selectPost = session.prepare("SELECT * FROM posts WHERE post_id = ?");
		this.deletePost = session.prepare("DELETE FROM posts WHERE post_id = ?");
		this.deleteTimeline = session
			.prepare("DELETE FROM user_posts WHERE author_id = ? AND bucket = ? AND post_id = ?");
		this.deleteReply = session.prepare("DELETE FROM post_replies WHERE parent_id = ? AND post_id = ?");
		this.selectBuckets = session
			.prepare("SELECT bucket FROM author_buckets WHERE author_id = ? AND bucket <= ? LIMIT ?");
		this.selectTimeline = session
			.prepare("SELECT post_id FROM user_posts WHERE author_id = ? AND bucket = ? LIMIT ?");
		this.selectTimelineBefore = session
			.prepare("SELECT post_id FROM user_posts WHERE author_id = ? AND bucket = ? AND post_id < ? LIMIT ?");
		this.selectReplies = session.prepare("SELECT post_id FROM post_replies WHERE parent_id = ? LIMIT ?");
		this.selectRepliesAfter = session
			.prepare("SELECT post_id FROM post_replies WHERE parent_id = ? AND post_id > ? LIMIT ?");
		this.addLikes = session.prepare("UPDATE post_counts SET likes = likes + ? WHERE post_id = ?");
		this.addReposts = session.prepare("UPDATE post_counts SET reposts = reposts + ? WHERE post_id = ?");
		this.addReplies = session.prepare("UPDATE post_counts SET replies = replies + ? WHERE post_id = ?");
		this.deleteCounts = session.prepare("DELETE FROM post_counts WHERE post_id = ?");
		this.insertLike = session
			.prepare("INSERT INTO post_likes (post_id, user_id, liked_at) VALUES (?, ?, ?) IF NOT EXISTS");
		this.deleteLike = session.prepare("DELETE FROM post_likes WHERE post_id = ? AND user_id = ? IF EXISTS");
		this.insertRepost = session
			.prepare("INSERT INTO post_reposts (post_id, user_id, repost_id) VALUES (?, ?, ?) IF NOT EXISTS");
		this.selectRepost = session.prepare("SELECT repost_id FROM post_reposts WHERE post_id = ? AND user_id = ?");
		this.deleteRepost = session
			.prepare("DELETE FROM post_reposts WHERE post_id = ? AND user_id = ? IF repost_id = ?");
		this.selectPostsIn = session.prepare("SELECT * FROM posts WHERE post_id IN ?");
		this.selectCountsIn = session
			.prepare("SELECT post_id, likes, reposts, replies FROM post_counts WHERE post_id IN ?");
		this.selectLikesIn = session.prepare("SELECT post_id FROM post_likes WHERE post_id IN ? AND user_id = ?");
		this.selectRepostsIn = session.prepare("SELECT post_id FROM post_reposts WHERE post_id IN ? AND user_id = ?");
	}

	/**
	 * Writes a new post (or repost entry) with its timeline entry, its month in the
	 * author's list of months, its reply entry and the given outbox row, in one logged
	 * batch: all of them are stored or, eventually, none.
	 */
	void insert(Post post, BoundStatement outboxRow) {
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
			.addStatement(this.insertPost.bind(post.id(), post.authorId(), post.createdAt(), post.text(),
					post.mediaIds(), post.replyTo(), post.replyToAuthor(), post.quoteOf(), post.repostOf(),
					post.repostOfAuthor(), post.mentions(), post.hashtags()))
			.addStatement(this.insertTimeline.bind(post.authorId(), post.bucket(), post.id()))
			.addStatement(this.insertBucket.bind(post.authorId(), post.bucket()));
		if (post.replyTo() != null) {
			batch.addStatement(this.insertReply.bind(post.replyTo(), post.id()));
		}
		this.session.execute(batch.addStatement(outboxRow).build());
		this.outbox.stored();
	}

	/**
	 * Removes a post from every table that lists it, with the given outbox row, in one
	 * logged batch. Its likes and repost markers stay behind, unreachable.
	 */
	void delete(Post post, BoundStatement outboxRow) {
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
			.addStatement(this.deletePost.bind(post.id()))
			.addStatement(this.deleteTimeline.bind(post.authorId(), post.bucket(), post.id()));
		if (post.replyTo() != null) {
			batch.addStatement(this.deleteReply.bind(post.replyTo(), post.id()));
		}
		this.session.execute(batch.addStatement(outboxRow).build());
		this.outbox.stored();
		if (!post.isRepost()) {
			this.session.execute(this.deleteCounts.bind(post.id()));
		}
	}

	Optional<Post> findById(long id) {
		return Optional.ofNullable(this.session.execute(this.selectPost.bind(id)).one()).map(PostRepository::post);
	}

	CompletableFuture<Map<Long, Post>> findAll(Collection<Long> ids) {
		return in(ids, this.selectPostsIn::bind, PostRepository::post);
	}

	CompletableFuture<Map<Long, Counts>> counts(Collection<Long> ids) {
		return in(ids, this.selectCountsIn::bind,
				(row) -> new Counts(row.getLong("likes"), row.getLong("reposts"), row.getLong("replies")));
	}

	CompletableFuture<Set<Long>> likedBy(Collection<Long> ids, long userId) {
		return in(ids, (chunk) -> this.selectLikesIn.bind(chunk, userId), (row) -> Boolean.TRUE)
			.thenApply((found) -> new HashSet<>(found.keySet()));
	}

	CompletableFuture<Set<Long>> repostedBy(Collection<Long> ids, long userId) {
		return in(ids, (chunk) -> this.selectRepostsIn.bind(chunk, userId), (row) -> Boolean.TRUE)
			.thenApply((found) -> new HashSet<>(found.keySet()));
	}

	/**
	 * The months, newest first, from {@code fromBucket} back, in which the author has
	 * timeline entries.
	 */
	List<Integer> buckets(long authorId, int fromBucket, int limit) {
		List<Integer> buckets = new ArrayList<>();
		for (Row row : this.session.execute(this.selectBuckets.bind(authorId, fromBucket, limit))) {
			buckets.add(row.getInt("bucket"));
		}
		return buckets;
	}

	List<Long> timeline(long authorId, int bucket, @Nullable Long before, int limit) {
		BoundStatement statement = (before != null) ? this.selectTimelineBefore.bind(authorId, bucket, before, limit)
				: this.selectTimeline.bind(authorId, bucket, limit);
		return ids(statement);
	}

	List<Long> replies(long parentId, @Nullable Long after, int limit) {
		BoundStatement statement = (after != null) ? this.selectRepliesAfter.bind(parentId, after, limit)
				: this.selectReplies.bind(parentId, limit);
		return ids(statement);
	}

	/**
	 * Records a like unless it exists, deciding with a lightweight transaction so that
	 * exactly one of concurrent identical likes wins.
	 * @return whether the like is new
	 */
	boolean like(long postId, long userId, Instant at) {
		return this.session.execute(this.insertLike.bind(postId, userId, at)).wasApplied();
	}

	/**
	 * Removes a like if it exists, deciding with a lightweight transaction.
	 * @return whether a like was removed
	 */
	boolean unlike(long postId, long userId) {
		return this.session.execute(this.deleteLike.bind(postId, userId)).wasApplied();
	}

	boolean repost(long postId, long userId, long repostId) {
		return this.session.execute(this.insertRepost.bind(postId, userId, repostId)).wasApplied();
	}

	/**
	 * The id of the user's repost of a post, read at serial consistency so that it sees
	 * every lightweight transaction committed before.
	 */
	Optional<Long> findRepost(long postId, long userId) {
		Row row = this.session
			.execute(this.selectRepost.bind(postId, userId).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL))
			.one();
		return Optional.ofNullable(row).map((found) -> found.getLong("repost_id"));
	}

	boolean unrepost(long postId, long userId, long repostId) {
		return this.session.execute(this.deleteRepost.bind(postId, userId, repostId)).wasApplied();
	}

	/**
	 * Stores an outbox row that belongs to no batch.
	 */
	void store(BoundStatement outboxRow) {
		this.session.execute(outboxRow);
		this.outbox.stored();
	}

	void addLikes(long postId, long delta) {
		this.session.execute(this.addLikes.bind(delta, postId));
	}

	void addReposts(long postId, long delta) {
		this.session.execute(this.addReposts.bind(delta, postId));
	}

	void addReplies(long postId, long delta) {
		this.session.execute(this.addReplies.bind(delta, postId));
	}

	private List<Long> ids(Statement<?> statement) {
		List<Long> ids = new ArrayList<>();
		for (Row row : this.session.execute(statement)) {
			ids.add(row.getLong(0));
		}
		return ids;
	}

	/**
	 * Reads rows of many posts with one query per {@value #IN_CHUNK} ids
	 * ({@code post_id IN
	 * ?}) rather than one per id: a page of 25 posts costs four queries instead of a
	 * hundred, which the benchmarks showed is what a feed page spent most of its time on.
	 * The lists stay short, so the coordinator's extra work stays small.
	 */
	private <T> CompletableFuture<Map<Long, T>> in(Collection<Long> ids, Function<List<Long>, BoundStatement> statement,
			Function<Row, T> mapper) {
		List<Long> keys = List.copyOf(new LinkedHashSet<>(ids));
		List<CompletableFuture<Map<Long, T>>> reads = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += IN_CHUNK) {
			BoundStatement bound = statement.apply(keys.subList(from, Math.min(keys.size(), from + IN_CHUNK)));
			reads.add(this.session.executeAsync(bound)
				.thenCompose((result) -> rows(result, mapper, new HashMap<>()))
				.toCompletableFuture());
		}
		return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			Map<Long, T> found = new HashMap<>();
			reads.forEach((read) -> found.putAll(read.join()));
			return found;
		});
	}

	private static <T> CompletionStage<Map<Long, T>> rows(AsyncResultSet result, Function<Row, T> mapper,
			Map<Long, T> found) {
		for (Row row : result.currentPage()) {
			found.put(row.getLong("post_id"), mapper.apply(row));
		}
		return result.hasMorePages() ? result.fetchNextPage().thenCompose((next) -> rows(next, mapper, found))
				: CompletableFuture.completedFuture(found);
	}

	private static Post post(Row row) {
		return new Post(row.getLong("post_id"), row.getLong("author_id"), row.getInstant("created_at"),
				nonNull(row.getString("text")), row.getList("media_ids", Long.class), nullableLong(row, "reply_to"),
				nullableLong(row, "reply_to_author"), nullableLong(row, "quote_of"), nullableLong(row, "repost_of"),
				nullableLong(row, "repost_of_author"), row.getMap("mentions", Long.class, String.class),
				row.getList("hashtags", String.class));
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable Long nullableLong(Row row, String column) {
		return row.isNull(column) ? null : row.getLong(column);
	}

	/**
	 * The counters of a post.
	 *
	 * @param likes how many users like it
	 * @param reposts how many users reposted it
	 * @param replies how many replies it has
	 */
	record Counts(long likes, long reposts, long replies) {

		static final Counts NONE = new Counts(0, 0, 0);

	}

}
