package io.murmur.post.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.cql.BatchType;

import org.springframework.data.cassandra.core.AsyncCassandraOperations;
import org.springframework.data.cassandra.core.CassandraBatchOperations;
import org.springframework.data.cassandra.core.CassandraOperations;
import org.springframework.data.cassandra.core.cql.PrimaryKeyType;
import org.springframework.data.cassandra.core.mapping.PrimaryKeyColumn;
import org.springframework.data.cassandra.core.mapping.Table;
import org.springframework.data.cassandra.core.query.Criteria;
import org.springframework.data.cassandra.core.query.Query;
import org.springframework.stereotype.Repository;

import io.murmur.post.outbox.OutboxRow;
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

	/** The most ids one {@code IN} query asks for. */
	static final int IN_CHUNK = 50;

	private final CassandraOperations cassandra;

	private final AsyncCassandraOperations async;

	private final PostOutbox outbox;

	PostRepository(CassandraOperations cassandra, AsyncCassandraOperations async, PostOutbox outbox) {
		this.cassandra = cassandra;
		this.async = async;
		this.outbox = outbox;
	}

	/**
	 * Writes a new post (or repost entry) with its timeline entry, its month in the
	 * author's list of months, its reply entry and the given outbox row, in one logged
	 * batch: all of them are stored or, eventually, none.
	 * @param post the post
	 * @param event the outbox row of its event
	 */
	public void insert(Post post, OutboxRow event) {
		CassandraBatchOperations batch = this.cassandra.batchOps(BatchType.LOGGED)
			.insert(post, new TimelineRow(post.authorId(), post.bucket(), post.id()),
					new AuthorBucket(post.authorId(), post.bucket()));
		if (post.replyTo() != null) {
			batch.insert(new ReplyRow(post.replyTo(), post.id()));
		}
		batch.insert(event).execute();
		this.outbox.stored();
	}

	/**
	 * Removes a post from every table that lists it, with the given outbox row, in one
	 * logged batch. Its likes and repost markers stay behind, unreachable.
	 * @param post the post
	 * @param event the outbox row of its event
	 */
	public void delete(Post post, OutboxRow event) {
		CassandraBatchOperations batch = this.cassandra.batchOps(BatchType.LOGGED)
			.delete(post, new TimelineRow(post.authorId(), post.bucket(), post.id()));
		if (post.replyTo() != null) {
			batch.delete(new ReplyRow(post.replyTo(), post.id()));
		}
		batch.insert(event).execute();
		this.outbox.stored();
	}

	/**
	 * Stores an outbox row that belongs to no batch.
	 * @param event the outbox row
	 */
	public void store(OutboxRow event) {
		this.cassandra.insert(event);
		this.outbox.stored();
	}

	/**
	 * Reads a post.
	 * @param id the post id
	 * @return the post, if it exists
	 */
	public Optional<Post> findById(long id) {
		return Optional.ofNullable(this.cassandra.selectOneById(id, Post.class));
	}

	/**
	 * Reads many posts with one query per {@value #IN_CHUNK} ids ({@code post_id IN ...})
	 * rather than one per id: a page of 25 posts costs one query instead of 25, which the
	 * benchmarks showed is what a feed page spent most of its time on. The lists stay
	 * short, so the coordinator's extra work stays small.
	 * @param ids the post ids
	 * @return the posts that exist, by id
	 */
	public CompletableFuture<Map<Long, Post>> findAll(Collection<Long> ids) {
		List<Long> keys = List.copyOf(new LinkedHashSet<>(ids));
		List<CompletableFuture<List<Post>>> reads = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += IN_CHUNK) {
			List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
			reads.add(this.async.select(Query.query(Criteria.where("id").in(chunk)), Post.class));
		}
		return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			Map<Long, Post> found = new HashMap<>();
			reads.forEach((read) -> read.join().forEach((post) -> found.put(post.id(), post)));
			return found;
		});
	}

	/**
	 * A row of {@code user_posts}: a post or repost on its author's timeline, one
	 * partition per author and month.
	 */
	@Table("user_posts")
	record TimelineRow(
			@PrimaryKeyColumn(name = "author_id", ordinal = 0, type = PrimaryKeyType.PARTITIONED) long authorId,
			@PrimaryKeyColumn(ordinal = 1, type = PrimaryKeyType.PARTITIONED) int bucket,
			@PrimaryKeyColumn(name = "post_id", ordinal = 2, type = PrimaryKeyType.CLUSTERED) long postId) {

	}

	/**
	 * A row of {@code author_buckets}: a month in which the author has timeline entries.
	 */
	@Table("author_buckets")
	record AuthorBucket(
			@PrimaryKeyColumn(name = "author_id", ordinal = 0, type = PrimaryKeyType.PARTITIONED) long authorId,
			@PrimaryKeyColumn(ordinal = 1, type = PrimaryKeyType.CLUSTERED) int bucket) {

	}

	/**
	 * A row of {@code post_replies}: a reply of a post.
	 */
	@Table("post_replies")
	record ReplyRow(@PrimaryKeyColumn(name = "parent_id", ordinal = 0, type = PrimaryKeyType.PARTITIONED) long parentId,
			@PrimaryKeyColumn(name = "post_id", ordinal = 1, type = PrimaryKeyType.CLUSTERED) long postId) {

	}

}
