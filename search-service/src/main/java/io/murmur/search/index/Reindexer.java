package io.murmur.search.index;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.murmur.search.config.SearchProperties;
import io.murmur.search.source.GraphSource;
import io.murmur.search.source.PostSource;
import io.murmur.search.source.UserSource;

/**
 * Rebuilds every index from the sources of truth (user-service, graph-service's counts,
 * post-service) into new versions, then switches each alias in one atomic step; reads go
 * to the old versions until then, and events are written to both meanwhile.
 * <p>
 * Users come first, so that posts can name their mentions. The old version's tombstones
 * are copied at their versions, then every post is written at the version of its
 * creation, so that a deletion, old or indexed meanwhile, wins. One rebuild runs at a
 * time on a replica.
 */
@Component
public class Reindexer implements DisposableBean {

	private static final Log log = LogFactory.getLog(Reindexer.class);

	private final ElasticsearchClient client;

	private final Indices indices;

	private final UserSource users;

	private final GraphSource graph;

	private final PostSource posts;

	private final SearchProperties.Reindex settings;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "search-reindex");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

	Reindexer(ElasticsearchClient client, Indices indices, UserSource users, GraphSource graph, PostSource posts,
			SearchProperties properties, Clock clock) {
		this.client = client;
		this.indices = indices;
		this.users = users;
		this.graph = graph;
		this.posts = posts;
		this.settings = properties.reindex();
		this.clock = clock;
	}

	/**
	 * Starts a rebuild unless one is running.
	 * @return the status: the new rebuild's, or the running one's
	 */
	public Status start() {
		Status running = this.status.get();
		if (running.state() == State.RUNNING) {
			return running;
		}
		Status started = new Status(State.RUNNING, this.clock.instant(), null, 0, 0, null);
		if (!this.status.compareAndSet(running, started)) {
			return this.status.get();
		}
		this.executor.execute(this::run);
		return started;
	}

	/**
	 * How the last rebuild went, or goes.
	 * @return the status
	 */
	public Status status() {
		return this.status.get();
	}

	private void run() {
		try {
			String oldPosts = this.indices.current(IndexKind.POSTS);
			String usersIndex = begin(IndexKind.USERS);
			String postsIndex = begin(IndexKind.POSTS);
			String hashtagsIndex = begin(IndexKind.HASHTAGS);
			Thread.sleep(this.settings.settle().toMillis());
			copyUsers(usersIndex);
			if (oldPosts != null) {
				copyTombstones(oldPosts, postsIndex);
			}
			copyPosts(postsIndex, hashtagsIndex);
			for (Map.Entry<IndexKind, String> built : Map
				.of(IndexKind.USERS, usersIndex, IndexKind.POSTS, postsIndex, IndexKind.HASHTAGS, hashtagsIndex)
				.entrySet()) {
				this.indices.finishBulkLoad(built.getKey(), built.getValue());
				this.indices.switchTo(built.getKey(), built.getValue());
			}
			this.status.updateAndGet((s) -> s.finished(State.DONE, this.clock.instant(), null));
			log.info("Rebuilt the indices: " + this.status.get());
		}
		catch (Exception ex) {
			log.error("The rebuild of the indices failed", ex);
			this.status.updateAndGet((s) -> s.finished(State.FAILED, this.clock.instant(), ex.toString()));
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String begin(IndexKind kind) throws IOException {
		String index = this.indices.create(kind, this.indices.nextVersion(kind), true);
		this.indices.startBuilding(kind, index);
		return index;
	}

	private void copyUsers(String index) throws IOException {
		String cursor = null;
		do {
			Instant readAt = this.clock.instant();
			UserSource.ExportPage page = this.users.export(cursor,
					Math.min(this.settings.pageSize(), GraphSource.MAX_BATCH));
			Map<Long, Long> followers = this.graph
				.followers(page.items().stream().map((user) -> Long.valueOf(user.id())).toList());
			List<BulkOperation> operations = new ArrayList<>();
			for (UserSource.ExportedUser user : page.items()) {
				UserDocument document = new UserDocument(user.id(), user.handle(), user.displayName(),
						followers.getOrDefault(Long.valueOf(user.id()), 0L), readAt);
				operations
					.add(BulkOperation.of((o) -> o.create((c) -> c.index(index).id(user.id()).document(document))));
			}
			bulk(operations);
			this.status.updateAndGet((s) -> s.plusUsers(page.items().size()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
	}

	private void copyPosts(String postsIndex, String hashtagsIndex) throws IOException {
		String cursor = null;
		do {
			PostSource.ExportPage page = this.posts.export(cursor, this.settings.pageSize());
			List<BulkOperation> operations = new ArrayList<>();
			Set<String> tags = new LinkedHashSet<>();
			for (PostSource.ExportedPost post : page.items()) {
				PostDocument document = new PostDocument(post.id(), post.authorId(), post.createdAt(), post.text(),
						post.hashtags(), List.copyOf(post.mentions().values()), List.copyOf(post.mentions().keySet()),
						!post.mediaIds().isEmpty(), post.replyTo() != null, post.replyTo(), post.quoteOf(), false);
				operations.add(BulkOperation.of((o) -> o.index((i) -> i.index(postsIndex)
					.id(post.id())
					.version(PostDocument.version(post.createdAt()))
					.versionType(VersionType.External)
					.document(document))));
				tags.addAll(post.hashtags());
			}
			for (String tag : tags) {
				operations.add(BulkOperation
					.of((o) -> o.create((c) -> c.index(hashtagsIndex).id(tag).document(Map.of("tag", tag)))));
			}
			bulk(operations);
			this.status.updateAndGet((s) -> s.plusPosts(page.items().size()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
	}

	/**
	 * Copies the tombstones of the old version at their versions: post-service no longer
	 * has deleted posts, and without them a create of one replayed later would index it
	 * again.
	 */
	private void copyTombstones(String from, String to) throws IOException {
		List<FieldValue> after = null;
		while (true) {
			List<FieldValue> position = after;
			SearchResponse<PostDocument> page = this.client.search((s) -> {
				s.index(from)
					.size(this.settings.pageSize())
					.version(true)
					.query((q) -> q.term((t) -> t.field("deleted").value(true)))
					.sort((o) -> o.field((f) -> f.field("id").order(SortOrder.Asc)));
				if (position != null) {
					s.searchAfter(position);
				}
				return s;
			}, PostDocument.class);
			List<Hit<PostDocument>> hits = page.hits().hits();
			List<BulkOperation> operations = new ArrayList<>();
			for (Hit<PostDocument> hit : hits) {
				PostDocument tombstone = hit.source();
				Long version = hit.version();
				if (tombstone != null && version != null) {
					operations.add(BulkOperation.of((o) -> o.index((i) -> i.index(to)
						.id(hit.id())
						.version(version)
						.versionType(VersionType.External)
						.document(tombstone))));
				}
			}
			bulk(operations);
			if (hits.size() < this.settings.pageSize()) {
				return;
			}
			after = hits.get(hits.size() - 1).sort();
		}
	}

	private void bulk(List<BulkOperation> operations) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		BulkResponse response = this.client.bulk((b) -> b.operations(operations));
		if (response.errors()) {
			for (BulkResponseItem item : response.items()) {
				if (item.error() != null && item.status() != 409) {
					throw new IOException("Elasticsearch refused a document of the rebuild: " + item.error().type()
							+ ": " + item.error().reason());
				}
			}
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * The states of a rebuild.
	 */
	public enum State {

		/** None has run since start-up. */
		IDLE,

		/** One is running. */
		RUNNING,

		/** The last one switched every alias. */
		DONE,

		/** The last one failed; the aliases still point at the old versions. */
		FAILED

	}

	/**
	 * How a rebuild goes.
	 *
	 * @param state its state
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param users users copied so far
	 * @param posts posts copied so far
	 * @param failure why it failed
	 */
	public record Status(State state, @Nullable Instant startedAt, @Nullable Instant finishedAt, long users, long posts,
			@Nullable String failure) {

		static Status idle() {
			return new Status(State.IDLE, null, null, 0, 0, null);
		}

		Status plusUsers(long more) {
			return new Status(this.state, this.startedAt, this.finishedAt, this.users + more, this.posts, this.failure);
		}

		Status plusPosts(long more) {
			return new Status(this.state, this.startedAt, this.finishedAt, this.users, this.posts + more, this.failure);
		}

		Status finished(State state, Instant at, @Nullable String failure) {
			return new Status(state, this.startedAt, at, this.users, this.posts, failure);
		}

	}

}
