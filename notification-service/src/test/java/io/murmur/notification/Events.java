package io.murmur.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaOperations;

import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnliked;
import io.murmur.events.post.PostUnreposted;

/**
 * The events other services publish, made up by a test and published to the real Kafka,
 * keyed and typed as their producers do. Ids of users and posts come from counters no
 * other test shares.
 */
public final class Events {

	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

	private final KafkaOperations<Object, Object> kafka;

	public Events(KafkaOperations<Object, Object> kafka) {
		this.kafka = kafka;
	}

	/** A user or post id no test used before. */
	public static long newId() {
		return ids.incrementAndGet();
	}

	/**
	 * Publishes an event and waits until Kafka acknowledged it.
	 * @param event the event
	 * @return the event
	 */
	public <T extends MurmurEvent> T publish(T event) {
		try {
			this.kafka.send(EventType.of(event).topic(), event.key(), event).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish " + event, ex);
		}
		return event;
	}

	/**
	 * Publishes events all at once, as a burst, and waits until Kafka acknowledged them.
	 * @param burst the events
	 */
	public void publishAll(List<? extends MurmurEvent> burst) {
		List<CompletableFuture<?>> sent = burst.stream()
			.<CompletableFuture<?>>map((event) -> this.kafka.send(EventType.of(event).topic(), event.key(), event))
			.toList();
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish the burst", ex);
		}
	}

	public PostLiked like(long postId, long authorId, long userId) {
		return publish(new PostLiked(UUID.randomUUID(), Instant.now(), postId, authorId, userId));
	}

	public PostUnliked unlike(long postId, long authorId, long userId) {
		return publish(new PostUnliked(UUID.randomUUID(), Instant.now(), postId, authorId, userId));
	}

	public PostReposted repost(long postId, long authorId, long reposterId) {
		return publish(new PostReposted(UUID.randomUUID(), Instant.now(), postId, authorId, reposterId, newId()));
	}

	public PostUnreposted unrepost(PostReposted reposted) {
		return publish(new PostUnreposted(UUID.randomUUID(), Instant.now(), reposted.postId(), reposted.postAuthorId(),
				reposted.reposterId(), reposted.repostId()));
	}

	public UserFollowed follow(long followerId, long followeeId) {
		return publish(new UserFollowed(UUID.randomUUID(), Instant.now(), followerId, followeeId, Instant.now()));
	}

	public UserUnfollowed unfollow(long followerId, long followeeId) {
		return publish(new UserUnfollowed(UUID.randomUUID(), Instant.now(), followerId, followeeId));
	}

	public PostCreated post(long postId, long authorId, @Nullable Long replyTo, @Nullable Long replyToAuthor,
			@Nullable Long quoteOf, List<Long> mentioned) {
		return publish(new PostCreated(UUID.randomUUID(), Instant.now(), postId, authorId, Instant.now(), "text",
				replyTo, replyToAuthor, quoteOf, List.of(), mentioned, List.of()));
	}

	public PostDeleted delete(long postId, long authorId) {
		return publish(new PostDeleted(UUID.randomUUID(), Instant.now(), postId, authorId));
	}

}
