package io.murmur.post.post;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.data.cassandra.core.AsyncCassandraOperations;
import org.springframework.data.cassandra.core.CassandraOperations;
import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.SessionCallback;
import org.springframework.stereotype.Repository;

import io.murmur.post.outbox.PostOutbox;

/**
 * Posts and repost entries in Cassandra, with the rows that list them: the author's
 * timeline ({@code user_posts}), the author's months ({@code author_buckets}) and the
 * replies of the post replied to ({@code post_replies}). A post and those rows are
 * written and removed together with the outbox row of their event, in one logged batch.
 * Reads go by partition key only.
 */
@Repository
public class PostRepository {

	private static final String SELECT = "SELECT post_id, author_id, created_at, text, media_ids, reply_to,"
			+ " reply_to_author, quote_of, repost_of, repost_of_author, mentions, hashtags FROM posts";

	private final CqlOperations cql;

	private final AsyncCqlOperations async;

	private final PostOutbox outbox;

	private final PreparedStatement insertPost;

	private final PreparedStatement insertTimeline;

	private final PreparedStatement insertBucket;

	private final PreparedStatement insertReply;

	private final PreparedStatement deletePost;

	private final PreparedStatement deleteTimeline;

	private final PreparedStatement deleteReply;

	PostRepository(CassandraOperations cassandra, AsyncCassandraOperations async, PostOutbox outbox) {
		this.cql = cassandra.getCqlOperations();
		this.async = async.getAsyncCqlOperations();
		this.outbox = outbox;
		this.insertPost = prepare("INSERT INTO posts (post_id, author_id, created_at, text, media_ids, reply_to,"
				+ " reply_to_author, quote_of, repost_of, repost_of_author, mentions, hashtags)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		this.insertTimeline = prepare("INSERT INTO user_posts (author_id, bucket, post_id) VALUES (?, ?, ?)");
		this.insertBucket = prepare("INSERT INTO author_buckets (author_id, bucket) VALUES (?, ?)");
		this.insertReply = prepare("INSERT INTO post_replies (parent_id, post_id) VALUES (?, ?)");
		this.deletePost = prepare("DELETE FROM posts WHERE post_id = ?");
		this.deleteTimeline = prepare("DELETE FROM user_posts WHERE author_id = ? AND bucket = ? AND post_id = ?");
		this.deleteReply = prepare("DELETE FROM post_replies WHERE parent_id = ? AND post_id = ?");
	}

	/**
	 * Writes a new post (or repost entry) with its timeline entry, its month in the
	 * author's list of months, its reply entry and the given outbox row, in one logged
	 * batch: all of them are stored or, eventually, none.
	 * <p>
	 * The batch is made of prepared statements, executed through Spring Data's
	 * {@code CqlOperations}: {@code CassandraTemplate.batchOps()} inserting the post and
	 * its rows as entities sends each statement of the batch unprepared, for Cassandra to
	 * parse, and measured twice as slow (3.0 and 3.4 ms a post against 1.5 and 1.8 ms,
	 * 3,000 posts after 2,000 of warm-up each, {@code CassandraAccessTimings}).
	 * @param post the post
	 * @param event the outbox row of its event
	 */
	public void insert(Post post, BoundStatement event) {
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
			.addStatement(this.insertPost.bind(post.id(), post.authorId(), post.createdAt(), post.text(),
					post.mediaIds(), post.replyTo(), post.replyToAuthor(), post.quoteOf(), post.repostOf(),
					post.repostOfAuthor(), post.mentions(), post.hashtags()))
			.addStatement(this.insertTimeline.bind(post.authorId(), post.bucket(), post.id()))
			.addStatement(this.insertBucket.bind(post.authorId(), post.bucket()));
		if (post.replyTo() != null) {
			batch.addStatement(this.insertReply.bind(post.replyTo(), post.id()));
		}
		this.cql.execute(batch.addStatement(event).build());
		this.outbox.stored();
	}

	/**
	 * Removes a post from every table that lists it, with the given outbox row, in one
	 * logged batch of prepared statements, as {@link #insert} writes them. Its likes and
	 * repost markers stay behind, unreachable.
	 * @param post the post
	 * @param event the outbox row of its event
	 */
	public void delete(Post post, BoundStatement event) {
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
			.addStatement(this.deletePost.bind(post.id()))
			.addStatement(this.deleteTimeline.bind(post.authorId(), post.bucket(), post.id()));
		if (post.replyTo() != null) {
			batch.addStatement(this.deleteReply.bind(post.replyTo(), post.id()));
		}
		this.cql.execute(batch.addStatement(event).build());
		this.outbox.stored();
	}

	/**
	 * Stores an outbox row that belongs to no batch.
	 * @param event the outbox row
	 */
	public void store(BoundStatement event) {
		this.cql.execute(event);
		this.outbox.stored();
	}

	/**
	 * Reads a post.
	 * @param id the post id
	 * @return the post, if it exists
	 */
	public Optional<Post> findById(long id) {
		return this.cql.query(SELECT + " WHERE post_id = ?", PostRepository::post, id).stream().findFirst();
	}

	/**
	 * Reads many posts with one query per {@value InQueries#CHUNK} ids
	 * ({@code post_id IN ?}) rather than one per id: a page of 25 posts costs one query
	 * instead of 25, which the benchmarks showed is what a feed page spent most of its
	 * time on.
	 * <p>
	 * Rows are mapped by hand rather than as entities of {@code AsyncCassandraTemplate}:
	 * reading 25 posts by id measured 4.9, 6.5, 8.1 and 6.8 ms as entities against 5.1,
	 * 5.4, 5.6 and 5.2 ms with this row mapper and 6.0, 4.4, 5.3 and 4.6 ms with the bare
	 * driver (two runs of two rounds, 3,000 reads after 2,000 of warm-up each, on a
	 * shared, loaded machine; {@code CassandraAccessTimings}).
	 * @param ids the post ids
	 * @return the posts that exist, by id
	 */
	public CompletableFuture<Map<Long, Post>> findAll(Collection<Long> ids) {
		return InQueries.all(this.async, SELECT + " WHERE post_id IN ?", ids, List.of(), PostRepository::post)
			.thenApply((posts) -> {
				Map<Long, Post> found = new HashMap<>();
				posts.forEach((post) -> found.put(post.id(), post));
				return found;
			});
	}

	static Post post(Row row, int number) {
		return new Post(row.getLong("post_id"), row.getLong("author_id"), row.getInstant("created_at"),
				row.getString("text"), row.getList("media_ids", Long.class), nullableLong(row, "reply_to"),
				nullableLong(row, "reply_to_author"), nullableLong(row, "quote_of"), nullableLong(row, "repost_of"),
				nullableLong(row, "repost_of_author"), row.getMap("mentions", Long.class, String.class),
				row.getList("hashtags", String.class));
	}

	private static @Nullable Long nullableLong(Row row, String column) {
		return row.isNull(column) ? null : row.getLong(column);
	}

	private PreparedStatement prepare(String cql) {
		return this.cql.execute((SessionCallback<PreparedStatement>) (session) -> session.prepare(cql));
	}

}
