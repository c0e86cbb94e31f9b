package io.murmur.feed.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.events.EventSerializer;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostReposted;
import io.murmur.feed.it.StubPostService.Entry;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The base of feed-service's integration tests: the whole service on a random port,
 * against a real Redis and Kafka, consuming events the tests publish with the
 * {@code common-events} serializer, and calling stand-ins for graph-, post- and
 * user-service with its service token (from {@link TestTokens}, which also signs the
 * readers' tokens). Authors with {@value #PUSH_THRESHOLD} followers or more are pulled;
 * feeds keep {@value #FEED_SIZE} entries, trimmed once they hold {@value #TRIM_SLACK}
 * more. Every subclass shares one application context; tests use fresh user ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.feed.fan-out.push-threshold=" + FeedIntegrationTests.PUSH_THRESHOLD,
				"murmur.feed.fan-out.feed-size=" + FeedIntegrationTests.FEED_SIZE,
				"murmur.feed.fan-out.trim-slack=" + FeedIntegrationTests.TRIM_SLACK,
				"murmur.feed.fan-out.backfill-size=" + FeedIntegrationTests.BACKFILL,
				"murmur.feed.fan-out.author-cache-size=20",
				"murmur.feed.read.build-wait=" + FeedIntegrationTests.BUILD_WAIT_MILLIS + "ms",
				"spring.kafka.listener.concurrency=1", "murmur.kafka.partitions=1", "murmur.profiles.cache-ttl=0s",
				"spring.kafka.consumer.properties.session.timeout.ms=6000" })
@LocalStores({ Store.REDIS, Store.KAFKA })
abstract class FeedIntegrationTests {

	static final int PUSH_THRESHOLD = 3;

	static final int FEED_SIZE = 20;

	static final int TRIM_SLACK = 4;

	static final int BACKFILL = 5;

	static final Duration DELIVERY = Duration.ofSeconds(20);

	/**
	 * How long a read waits for a feed's build: longer than the default, so that a first
	 * read on a busy machine with a cold service is not answered 503 where a test expects
	 * the page.
	 */
	static final long BUILD_WAIT_MILLIS = 3000;

	static final Duration BUILD_WAIT = Duration.ofMillis(BUILD_WAIT_MILLIS);

	static final TestTokens tokens = TestTokens.start();

	static final StubGraphService graph = new StubGraphService();

	static final StubPostService posts = new StubPostService();

	static final StubUserService users = new StubUserService();

	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000 * 1000);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static @Nullable KafkaProducer<String, MurmurEvent> producer;

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		tokens.serviceClientProperties("feed-service").forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.services.urls.graph", graph::url);
		registry.add("murmur.services.urls.post", posts::url);
		registry.add("murmur.services.urls.user", users::url);
	}

	/**
	 * Waits until the listeners own their partitions, so that a test's wait for a
	 * delivery does not include the consumer group forming when the service starts.
	 */
	@BeforeEach
	void listenersAssigned() {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.listeners.getListenerContainers()
				.stream()
				.allMatch((container) -> container.getAssignedPartitions() != null
						&& !container.getAssignedPartitions().isEmpty()));
	}

	static long newUser() {
		return ids.incrementAndGet();
	}

	/**
	 * A follow, in graph-service and as its event.
	 */
	static void follow(long follower, long followee) {
		graph.follow(follower, followee);
		publish(new UserFollowed(UUID.randomUUID(), Instant.now(), follower, followee, Instant.now()));
	}

	static void unfollow(long follower, long followee) {
		graph.unfollow(follower, followee);
		publish(new UserUnfollowed(UUID.randomUUID(), Instant.now(), follower, followee));
	}

	/**
	 * A new post, in post-service and as its event.
	 */
	static Entry post(long author, String text) {
		Entry post = posts.post(author, text);
		publish(created(post));
		return post;
	}

	static Entry reply(long author, String text, Entry to) {
		Entry reply = posts.reply(author, text, to);
		publish(created(reply));
		return reply;
	}

	static Entry repost(long reposter, Entry post) {
		Entry repost = posts.repost(reposter, post);
		publish(new PostReposted(UUID.randomUUID(), repost.createdAt(), post.id(), post.author(), reposter,
				repost.id()));
		return repost;
	}

	static void delete(Entry post) {
		posts.delete(post.id());
		publish(new PostDeleted(UUID.randomUUID(), Instant.now(), post.id(), post.author()));
	}

	private static PostCreated created(Entry post) {
		return new PostCreated(UUID.randomUUID(), post.createdAt(), post.id(), post.author(), post.createdAt(),
				post.text(), post.replyTo(), post.replyToAuthor(), null, List.of(), List.of(), List.of());
	}

	/**
	 * Publishes an event as the services do: keyed by its aggregate, its JSON written by
	 * the {@code common-events} serializer with the type id in its header.
	 */
	static void publish(MurmurEvent event) {
		try {
			producer().send(new ProducerRecord<>(EventType.of(event).topic(), event.key(), event)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static synchronized KafkaProducer<String, MurmurEvent> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()),
					new StringSerializer(), new EventSerializer());
		}
		return producer;
	}

	/**
	 * A reader's feed page, as they see it.
	 */
	JsonNode page(long reader, int limit, @Nullable String cursor) {
		HttpResponse<String> response = read(reader, "?limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : ""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return StubServer.json.readTree(response.body());
	}

	/**
	 * A reader's request for their feed, whatever it answers.
	 */
	HttpResponse<String> read(long reader, String query) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/feed" + query))
			.header("Authorization", "Bearer " + tokens.user(reader))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The ids of a reader's first page.
	 */
	List<Long> feed(long reader) {
		return ids(page(reader, 50, null));
	}

	static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(Long.parseLong(item.get("id").asString())));
		return ids;
	}

	/**
	 * Waits until feed-service has processed every event on a topic so far: its group's
	 * committed offsets reached the end of each partition.
	 */
	static void awaitConsumed(String topic) {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()))) {
			await().atMost(DELIVERY).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("feed-service")
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic, partition.partition()),
							OffsetSpec.latest()));
				return admin.listOffsets(latest).all().get().entrySet().stream().allMatch((end) -> {
					OffsetAndMetadata offset = committed.get(end.getKey());
					return end.getValue().offset() == 0
							|| (offset != null && offset.offset() >= end.getValue().offset());
				});
			});
		}
	}

	/**
	 * Waits until a reader's first page is exactly these posts, newest first.
	 */
	void awaitFeed(long reader, Entry... newestFirst) {
		List<Long> expected = Arrays.stream(newestFirst).map(Entry::id).toList();
		await().atMost(DELIVERY).untilAsserted(() -> assertThat(feed(reader)).isEqualTo(expected));
	}

	/**
	 * Whether a post was written into a user's home feed in Redis.
	 */
	boolean inRedisFeed(long userId, Entry post) {
		return this.redis.opsForZSet().score("feed:{" + userId + "}", member(post.id())) != null;
	}

	static String member(long postId) {
		String digits = Long.toString(postId);
		return "0".repeat(19 - digits.length()) + digits;
	}

}
