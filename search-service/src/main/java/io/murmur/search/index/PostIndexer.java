package io.murmur.search.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.search.config.SearchProperties;

/**
 * Writes post events into the posts and hashtags indices through the client's
 * {@link BulkIngester}: each write returns a future that completes when Elasticsearch has
 * answered for it, so the listener acknowledges its records only once they are written.
 * <p>
 * Posts are versioned externally ({@link PostDocument#version}): a write older than the
 * document is refused with a conflict, which counts as done, so replays are harmless.
 * Hashtags are created once and never changed: a tag this replica has seen written to an
 * index (created, or already there) is not sent to that index again for a while, so that
 * a popular tag costs Elasticsearch one write, not one per post.
 */
@Component
public class PostIndexer implements DisposableBean {

	private final BulkIngester<Pending> ingester;

	private final Indices indices;

	private final Clock clock;

	private final Timer lag;

	private final Counter itemFailures;

	private final Counter requestFailures;

	/**
	 * Index and tag of the hashtags written to that index, or being written: a failed
	 * write forgets its tag, and fails its post's batch, which is then written again.
	 */
	private final Cache<String, Boolean> knownTags = Caffeine.newBuilder()
		.maximumSize(KNOWN_TAGS)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	static final int KNOWN_TAGS = 100_000;

	PostIndexer(ElasticsearchClient client, Indices indices, SearchProperties properties, Clock clock,
			MeterRegistry meters) {
		this.indices = indices;
		this.clock = clock;
		SearchProperties.Indexing settings = properties.indexing();
		this.lag = Timer.builder("murmur.search.index.lag")
			.description("From a post event's occurredAt to Elasticsearch acknowledging its write;"
					+ " it is searchable at the next refresh, within a second")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(meters);
		this.itemFailures = Counter.builder("murmur.search.bulk.failures")
			.tag("scope", "item")
			.description("Bulk writes Elasticsearch refused: single operations, or whole requests")
			.register(meters);
		this.requestFailures = Counter.builder("murmur.search.bulk.failures")
			.tag("scope", "request")
			.description("Bulk writes Elasticsearch refused: single operations, or whole requests")
			.register(meters);
		this.ingester = BulkIngester.of((b) -> b.client(client)
			.maxOperations(settings.maxOperations())
			.maxSize(8L * 1024 * 1024)
			.maxConcurrentRequests(settings.maxConcurrentRequests())
			.flushInterval(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
			.listener(new Listener()));
	}

	/**
	 * Indexes a new post, and its hashtags.
	 * @param event the event
	 * @param handles the handles of the mentioned users that are known
	 * @return completes when written, or exceptionally
	 */
	public CompletableFuture<Void> created(PostCreated event, Map<Long, String> handles) {
		List<String> mentions = event.mentionedUserIds().stream().map(handles::get).filter((h) -> h != null).toList();
		PostDocument document = new PostDocument(Long.toString(event.postId()), Long.toString(event.authorId()),
				event.createdAt(), event.text(), event.hashtags(), mentions,
				event.mentionedUserIds().stream().map(String::valueOf).toList(), !event.mediaIds().isEmpty(),
				event.replyToPostId() != null,
				(event.replyToPostId() != null) ? event.replyToPostId().toString() : null,
				(event.quoteOfPostId() != null) ? event.quoteOfPostId().toString() : null, false);
		return write(document, PostDocument.version(event.createdAt()), event.occurredAt());
	}

	/**
	 * Replaces a post by its tombstone.
	 * @param event the event
	 * @return completes when written, or exceptionally
	 */
	public CompletableFuture<Void> deleted(PostDeleted event) {
		return write(PostDocument.tombstone(event.postId(), event.authorId()), PostDocument.version(event.occurredAt()),
				event.occurredAt());
	}

	private CompletableFuture<Void> write(PostDocument document, long version, Instant occurredAt) {
		List<CompletableFuture<Void>> writes = new ArrayList<>();
		List<String> postAliases = this.indices.writeAliases(IndexKind.POSTS);
		for (String alias : postAliases) {
			Pending pending = new Pending(new CompletableFuture<>(),
					alias.equals(IndexKind.POSTS.alias()) ? occurredAt : null, !alias.equals(IndexKind.POSTS.alias()));
			this.ingester.add(BulkOperation.of((o) -> o.index((i) -> i.index(alias)
				.id(document.id())
				.version(version)
				.versionType(VersionType.External)
				.requireAlias(true)
				.document(document))), pending);
			writes.add(pending.result());
		}
		for (String tag : document.hashtags()) {
			for (String alias : this.indices.writeAliases(IndexKind.HASHTAGS)) {
				String known = alias + "/" + tag;
				if (this.knownTags.getIfPresent(known) != null) {
					continue;
				}
				Pending pending = new Pending(new CompletableFuture<>(), null,
						!alias.equals(IndexKind.HASHTAGS.alias()));
				this.ingester.add(BulkOperation
					.of((o) -> o.create((c) -> c.index(alias).id(tag).requireAlias(true).document(Map.of("tag", tag)))),
						pending);
				this.knownTags.put(known, Boolean.TRUE);
				writes.add(pending.result().whenComplete((done, failure) -> {
					if (failure != null) {
						this.knownTags.invalidate(known);
					}
				}));
			}
		}
		return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
	}

	/**
	 * Sends what is waiting now instead of at the next flush interval.
	 */
	public void flush() {
		this.ingester.flush();
	}

	@Override
	public void destroy() {
		this.ingester.close();
	}

	/**
	 * One operation waiting for its answer.
	 *
	 * @param result completes with the answer
	 * @param occurredAt when the event happened, to measure the lag; {@code null} for
	 * writes that are not measured
	 * @param optional whether the target may have gone (a rebuild's alias, removed at its
	 * switch) without that being a failure
	 */
	record Pending(CompletableFuture<Void> result, @Nullable Instant occurredAt, boolean optional) {

	}

	private final class Listener implements BulkListener<Pending> {

		@Override
		public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
			Instant now = PostIndexer.this.clock.instant();
			List<BulkResponseItem> items = response.items();
			for (int i = 0; i < items.size(); i++) {
				BulkResponseItem item = items.get(i);
				Pending pending = contexts.get(i);
				if (item.error() == null || item.status() == 409) {
					if (item.error() == null && pending.occurredAt() != null) {
						PostIndexer.this.lag.record(Duration.between(pending.occurredAt(), now));
					}
					pending.result().complete(null);
				}
				else if (pending.optional() && item.status() == 404) {
					pending.result().complete(null);
				}
				else {
					PostIndexer.this.itemFailures.increment();
					String reason = item.error().type() + ": " + item.error().reason();
					pending.result()
						.completeExceptionally((item.status() == 429 || item.status() >= 500 || item.status() == 404)
								? new IndexingUnavailableException(
										"Elasticsearch answered " + item.status() + ", " + reason)
								: new IllegalArgumentException("Elasticsearch refused the document: " + reason));
				}
			}
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
			PostIndexer.this.requestFailures.increment();
			IndexingUnavailableException unavailable = new IndexingUnavailableException(
					"The bulk request failed: " + failure.getMessage(), failure);
			contexts.forEach((pending) -> pending.result().completeExceptionally(unavailable));
		}

	}

}
