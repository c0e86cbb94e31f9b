package io.murmur.post.timeline;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.stereotype.Repository;

/**
 * Reads the rows that list posts, which {@link io.murmur.post.post.PostRepository} writes
 * with each post: an author's months ({@code author_buckets}), the author's timeline in a
 * month ({@code user_posts}, newest first) and the replies of a post
 * ({@code post_replies}, oldest first). Each read is one partition.
 */
@Repository
class TimelineRepository {

	private final CqlOperations cql;

	TimelineRepository(CqlOperations cql) {
		this.cql = cql;
	}

	/**
	 * The months, newest first, from {@code fromBucket} back, in which the author has
	 * timeline entries.
	 */
	List<Integer> buckets(long authorId, int fromBucket, int limit) {
		return this.cql.queryForList("SELECT bucket FROM author_buckets WHERE author_id = ? AND bucket <= ? LIMIT ?",
				Integer.class, authorId, fromBucket, limit);
	}

	/**
	 * An author's entries of one month, newest first, older than {@code before} when
	 * given.
	 */
	List<Long> timeline(long authorId, int bucket, @Nullable Long before, int limit) {
		if (before == null) {
			return this.cql.queryForList("SELECT post_id FROM user_posts WHERE author_id = ? AND bucket = ? LIMIT ?",
					Long.class, authorId, bucket, limit);
		}
		return this.cql.queryForList(
				"SELECT post_id FROM user_posts WHERE author_id = ? AND bucket = ? AND post_id < ? LIMIT ?", Long.class,
				authorId, bucket, before, limit);
	}

	/**
	 * The replies of a post, oldest first, newer than {@code after} when given.
	 */
	List<Long> replies(long parentId, @Nullable Long after, int limit) {
		if (after == null) {
			return this.cql.queryForList("SELECT post_id FROM post_replies WHERE parent_id = ? LIMIT ?", Long.class,
					parentId, limit);
		}
		return this.cql.queryForList("SELECT post_id FROM post_replies WHERE parent_id = ? AND post_id > ? LIMIT ?",
				Long.class, parentId, after, limit);
	}

}
