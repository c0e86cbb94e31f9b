package io.murmur.post.post;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.post.id.PostIds;
import io.murmur.post.outbox.PostOutbox;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times post-service's two hottest paths against the bare driver doing the same: reading
 * a page of posts by id, as every feed page does, and writing a post's logged batch,
 * against a real Cassandra. It chose how each path uses Spring Data Cassandra (see
 * {@link PostRepository#findAll} and {@link PostRepository#insert}). A measurement, not a
 * test: it asserts only that both sides did the same work, and runs only with
 * {@code -Dmurmur.timings=true}, never in CI:
 *
 * <pre class="code">
 * ./mvnw -B -pl post-service -am verify -Dtest=CassandraAccessTimings -Dsurefire.failIfNoSpecifiedTests=false -Dmurmur.timings=true
 * </pre>
 */
@SpringBootTest
@LocalStores({ Store.CASSANDRA, Store.KAFKA })
@EnabledIfSystemProperty(named = "murmur.timings", matches = "true")
class CassandraAccessTimings {

	private static final int WARM_UP = 2_000;

	private static final int MEASURED = 3_000;

	private static final int PAGE = 25;

	@Autowired
	PostRepository posts;

	@Autowired
	PostIds ids;

	@Autowired
	PostOutbox outbox;

	@Autowired
	CqlSession session;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.start().properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.outbox.poll-interval", () -> "1h");
		registry.add("murmur.outbox.wake-gap", () -> "1h");
	}

	@Test
	void timeReadingAPageOfPosts() {
		List<Long> page = new ArrayList<>();
		for (int i = 0; i < PAGE; i++) {
			Post post = post(1);
			this.posts.insert(post, this.outbox.append(event()));
			page.add(post.id());
		}
		PreparedStatement select = this.session.prepare("SELECT * FROM posts WHERE post_id IN ?");
		Supplier<Integer> springData = () -> PostViews.join(this.posts.findAll(page)).size();
		Supplier<Integer> driver = () -> {
			int found = 0;
			for (Row row : this.session.execute(select.bind(page))) {
				PostRepository.post(row, found++);
			}
			return found;
		};
		report("read " + PAGE + " posts by id",
				Map.of("PostRepository.findAll", springData, "driver, prepared", driver));
	}

	@Test
	void timeWritingAPost() {
		PreparedStatement insertPost = this.session.prepare("INSERT INTO posts (post_id, author_id, created_at, text,"
				+ " media_ids, reply_to, reply_to_author, quote_of, repost_of, repost_of_author, mentions, hashtags)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		PreparedStatement insertTimeline = this.session
			.prepare("INSERT INTO user_posts (author_id, bucket, post_id) VALUES (?, ?, ?)");
		PreparedStatement insertBucket = this.session
			.prepare("INSERT INTO author_buckets (author_id, bucket) VALUES (?, ?)");
		PreparedStatement insertOutbox = this.session.prepare("INSERT INTO outbox (shard, bucket, event_id,"
				+ " event_type, topic, message_key, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
		Supplier<Integer> springData = () -> {
			this.posts.insert(post(2), this.outbox.append(event()));
			return 1;
		};
		Supplier<Integer> driver = () -> {
			Post post = post(2);
			UUID eventId = Uuids.timeBased();
			this.session.execute(BatchStatement.builder(BatchType.LOGGED)
				.addStatement(insertPost.bind(post.id(), post.authorId(), post.createdAt(), post.text(),
						post.mediaIds(), null, null, null, null, null, post.mentions(), post.hashtags()))
				.addStatement(insertTimeline.bind(post.authorId(), post.bucket(), post.id()))
				.addStatement(insertBucket.bind(post.authorId(), post.bucket()))
				.addStatement(insertOutbox.bind(0, Uuids.unixTimestamp(eventId) / 60_000 - 100_000, eventId,
						"post.created.v1", "timings", "2", ByteBuffer.wrap(new byte[300])))
				.build());
			return 1;
		};
		report("write a post's logged batch", Map.of("PostRepository.insert", springData, "driver, prepared", driver));
	}

	private void report(String what, Map<String, Supplier<Integer>> ways) {
		Map<String, Integer> results = new java.util.TreeMap<>();
		ways.forEach((name, way) -> results.put(name, way.get()));
		assertThat(results.values()).as("every way does the same work")
			.containsOnly(results.values().iterator().next());
		for (int round = 0; round < 2; round++) {
			for (Map.Entry<String, Supplier<Integer>> way : new java.util.TreeMap<>(ways).entrySet()) {
				for (int i = 0; i < WARM_UP; i++) {
					way.getValue().get();
				}
				long start = System.nanoTime();
				for (int i = 0; i < MEASURED; i++) {
					way.getValue().get();
				}
				double micros = (System.nanoTime() - start) / 1_000.0 / MEASURED;
				System.out.printf("TIMING %s, round %d, %s: %.0f µs per call%n", what, round + 1, way.getKey(), micros);
			}
		}
	}

	private Post post(long author) {
		long id = this.ids.next();
		return new Post(id, author, PostIds.instantOf(id), "timing a post with #tag", List.of(), null, null, null, null,
				null, Map.of(), List.of("tag"));
	}

	private static io.murmur.events.post.PostDeleted event() {
		return new io.murmur.events.post.PostDeleted(UUID.randomUUID(), Instant.now(), 1, 2);
	}

}
