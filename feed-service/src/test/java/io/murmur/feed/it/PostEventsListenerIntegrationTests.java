package io.murmur.feed.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.Topics;
import io.murmur.events.post.PostDeleted;
import io.murmur.feed.it.StubPostService.Entry;
import io.murmur.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records the listeners cannot use go to feed-service's dead-letter topics, and the
 * events after them are applied.
 */
class PostEventsListenerIntegrationTests extends FeedIntegrationTests {

	@Test
	void shouldParkARecordItCannotReadOnTheDeadLetterTopicAndApplyTheEventsAfterIt() throws Exception {
		long author = newUser();
		long reader = newUser();
		graph.follow(reader, author);
		assertThat(feed(reader)).isEmpty();
		byte[] poison = "{\"eventId\":".getBytes(StandardCharsets.UTF_8);

		send(Topics.POST, Long.toString(author), EventType.POST_CREATED.id(), poison);
		Entry after = post(author, "After the bad record");

		awaitFeed(reader, after);
		assertThat(deadLetters(Topics.deadLetter(Topics.POST, "feed-service"), Long.toString(author))).singleElement()
			.satisfies((record) -> assertThat(record.value()).isEqualTo(poison));
	}

	@Test
	void shouldParkAPostEventFoundOnTheGraphTopic() throws Exception {
		long author = newUser();
		PostDeleted misplaced = new PostDeleted(UUID.randomUUID(), Instant.now(), newUser(), author);

		send(Topics.GRAPH, misplaced.key(), EventType.POST_DELETED.id(), EventJson.write(misplaced));

		assertThat(deadLetters(Topics.deadLetter(Topics.GRAPH, "feed-service"), misplaced.key())).hasSize(1);
	}

	private static void send(String topic, String key, String type, byte[] value) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventType.HEADER, type.getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
		}
	}

	/**
	 * Waits for the records of a key on a dead-letter topic, read from its beginning.
	 */
	private static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, String key) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			await().atMost(DELIVERY).untilAsserted(() -> {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
				if (!consumer.assignment().containsAll(partitions)) {
					consumer.assign(partitions);
					consumer.seekToBeginning(partitions);
				}
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						records.add(record);
					}
				});
				assertThat(records).isNotEmpty();
			});
		}
		return records;
	}

}
