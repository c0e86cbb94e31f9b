package io.murmur.search.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.events.user.UserRegistered;
import io.murmur.search.config.SearchProperties;
import io.murmur.search.source.GraphSource;
import io.murmur.search.source.UserSource;

/**
 * Keeps the indices up to date from the events of post-, user- and graph-service.
 * <p>
 * Post events come in batches, as Kafka hands them over: every post of a batch goes into
 * the bulk ingester, and the batch is acknowledged only once Elasticsearch has answered
 * for each. A record that cannot be written stops the batch there: the records before it
 * are committed, it is retried (or dead-lettered if it can never be written), and those
 * after it are delivered again, which the external versions make harmless.
 */
@Component
class EventIndexing {

	private final PostIndexer posts;

	private final UserIndexer users;

	private final UserSource userSource;

	private final GraphSource graph;

	private final long timeoutMillis;

	EventIndexing(PostIndexer posts, UserIndexer users, UserSource userSource, GraphSource graph,
			SearchProperties properties) {
		this.posts = posts;
		this.users = users;
		this.userSource = userSource;
		this.graph = graph;
		this.timeoutMillis = properties.indexing().timeout().toMillis();
	}

	@KafkaListener(id = "search-posts", idIsGroup = false, topics = Topics.POST, batch = "true")
	void onPosts(List<ConsumerRecord<String, @Nullable MurmurEvent>> records) {
		int unreadable = -1;
		for (int i = 0; i < records.size() && unreadable < 0; i++) {
			if (records.get(i).value() == null) {
				unreadable = i;
			}
		}
		List<ConsumerRecord<String, @Nullable MurmurEvent>> readable = (unreadable < 0) ? records
				: records.subList(0, unreadable);
		Map<Long, String> handles = handles(readable);
		List<@Nullable CompletableFuture<Void>> writes = new ArrayList<>();
		for (ConsumerRecord<String, @Nullable MurmurEvent> record : readable) {
			writes.add(switch (record.value()) {
				case PostCreated created -> this.posts.created(created, handles);
				case PostDeleted deleted -> this.posts.deleted(deleted);
				case null, default -> null;
			});
		}
		this.posts.flush();
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		for (int i = 0; i < writes.size(); i++) {
			CompletableFuture<Void> write = writes.get(i);
			if (write != null) {
				await(write, i, deadline);
			}
		}
		if (unreadable >= 0) {
			throw new BatchListenerFailedException("Unreadable post event",
					new IllegalArgumentException("The record holds no readable event"), unreadable);
		}
	}

	private void await(CompletableFuture<Void> write, int index, long deadline) {
		try {
			write.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw new BatchListenerFailedException("Could not index a post event", ex.getCause(), index);
		}
		catch (TimeoutException ex) {
			throw new BatchListenerFailedException("Elasticsearch did not answer in time",
					new IndexingUnavailableException("No answer for a post event within the indexing timeout"), index);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BatchListenerFailedException("Interrupted", ex, index);
		}
	}

	private Map<Long, String> handles(List<ConsumerRecord<String, @Nullable MurmurEvent>> records) {
		Set<Long> mentioned = new HashSet<>();
		for (ConsumerRecord<String, @Nullable MurmurEvent> record : records) {
			if (record.value() instanceof PostCreated created) {
				mentioned.addAll(created.mentionedUserIds());
			}
		}
		Map<Long, String> handles = this.users.handles(mentioned);
		Set<Long> unknown = new HashSet<>(mentioned);
		unknown.removeAll(handles.keySet());
		if (!unknown.isEmpty()) {
			this.userSource.users(unknown.stream().map(String::valueOf).toList(), null)
				.values()
				.forEach((user) -> handles.put(Long.valueOf(user.id()), user.handle()));
		}
		return handles;
	}

	@KafkaListener(id = "search-users", idIsGroup = false, topics = Topics.USER)
	void onUser(MurmurEvent event) {
		switch (event) {
			case UserRegistered registered -> this.users.profile(registered.userId(), registered.handle(),
					registered.displayName(), registered.occurredAt());
			case ProfileUpdated updated ->
				this.users.profile(updated.userId(), updated.handle(), updated.displayName(), updated.occurredAt());
			default -> {
			}
		}
	}

	@KafkaListener(id = "search-graph", idIsGroup = false, topics = Topics.GRAPH)
	void onGraph(MurmurEvent event) {
		Long followee = switch (event) {
			case UserFollowed followed -> followed.followeeId();
			case UserUnfollowed unfollowed -> unfollowed.followeeId();
			default -> null;
		};
		if (followee != null) {
			this.users.followers(this.graph.followers(List.of(followee)));
		}
	}

}
