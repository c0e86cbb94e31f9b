package io.murmur.support.events.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.murmur.events.EventDeserializationException;
import io.murmur.events.EventDeserializer;
import io.murmur.events.EventJson;
import io.murmur.events.EventSerializer;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.media.MediaDeleted;
import io.murmur.events.media.MediaUploaded;
import io.murmur.events.post.PostLiked;
import io.murmur.support.events.app.EventSupportIntegrationTest;
import io.murmur.support.events.app.EventSupportTestApplication.Listeners;
import io.murmur.support.events.app.TopicContents;
import io.murmur.support.events.app.EventSupportTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners wired by {@link EventKafkaAutoConfiguration} against a real broker: they
 * receive events, retry what may pass, and park on {@code <topic>.<group>.dlt}, unchanged
 * and with a readable reason, what they cannot read or process, then go on with the
 * partition.
 */
@EventSupportIntegrationTest
class EventListenersIntegrationTests {

	private static final String GROUP = "event-support-tests";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	Listeners listeners;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void shouldCreateTheTopicsItUsesAndADeadLetterTopicPerConsumedTopic() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			assertThat(admin.listTopics().names().get()).contains(Topics.USER, Topics.MEDIA, Topics.POST,
					Topics.deadLetter(Topics.MEDIA, GROUP), Topics.deadLetter(Topics.POST, GROUP));
		}
	}

	@Nested
	class Unreadable {

		@Test
		void shouldParkUnreadableRecordsWithTheirReasonAndKeepConsumingThePartition() throws Exception {
			long author = newId();
			PostLiked first = new PostLiked(UUID.randomUUID(), Instant.now(), newId(), author, newId());
			byte[] malformed = "{\"eventId\":\"3f0c8a4e-9b1d-4c2a-8e57-0000000000ff\",\"postId\":".getBytes();
			byte[] unknownType = EventJson.write(first);
			PostLiked second = new PostLiked(UUID.randomUUID(), Instant.now(), newId(), author, newId());
			String key = first.key();
			long firstOffset;
			try (KafkaProducer<String, byte[]> raw = rawProducer()) {
				firstOffset = raw.send(event(Topics.POST, key, first)).get().offset();
				raw.send(new ProducerRecord<>(Topics.POST, 0, key, malformed, typeHeader("post.created.v1"))).get();
				raw.send(new ProducerRecord<>(Topics.POST, 0, key, unknownType, typeHeader("post.exploded.v1"))).get();
				raw.send(event(Topics.POST, key, second)).get();
			}

			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(EventListenersIntegrationTests.this.listeners.processed)
					.containsSubsequence(first, second));
			List<ConsumerRecord<String, byte[]>> parked = parked(Topics.POST, key, 2);
			assertThat(parked).extracting(ConsumerRecord::value).containsExactly(malformed, unknownType);
			assertThat(parked.get(0)).satisfies((record) -> {
				assertThat(text(record.headers(), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
					.contains(EventDeserializationException.class.getName() + ": [MALFORMED_JSON]")
					.contains("post.created.v1");
				assertThat(text(record.headers(), EventType.HEADER)).isEqualTo("post.created.v1");
				assertThat(offset(record.headers())).isEqualTo(firstOffset + 1);
				assertThat(text(record.headers(), DeadLetters.REASON_HEADER)).startsWith("Could not be read: ")
					.contains("MALFORMED_JSON");
			});
			assertThat(parked.get(1)).satisfies((record) -> {
				assertThat(text(record.headers(), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
					.contains(EventDeserializationException.class.getName() + ": [UNKNOWN_TYPE]")
					.contains("post.exploded.v1");
				assertThat(text(record.headers(), EventType.HEADER)).isEqualTo("post.exploded.v1");
				assertThat(offset(record.headers())).isEqualTo(firstOffset + 2);
				assertThat(text(record.headers(), DeadLetters.REASON_HEADER)).startsWith("Could not be read: ")
					.contains("post.exploded.v1");
			});
			assertThat(parked).allSatisfy((record) -> {
				assertThat(text(record.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
					.isEqualTo(DeserializationException.class.getName());
				assertThat(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.POST);
				assertThat(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(GROUP);
			});
		}

	}

	@Nested
	class Failing {

		@Test
		void shouldRetryAnEventItsListenerFailsOnThenParkItReadably() throws Exception {
			long owner = newId();
			MediaUploaded uploaded = upload(owner, EventSupportTestApplication.BROKEN_SIZE);
			MediaDeleted deleted = new MediaDeleted(UUID.randomUUID(), Instant.now(), uploaded.mediaId(), owner);
			send(Topics.MEDIA, uploaded, deleted);

			await().atMost(TIMEOUT)
				.untilAsserted(
						() -> assertThat(EventListenersIntegrationTests.this.listeners.processed).contains(deleted));
			assertThat(attemptsOf(owner)).containsExactly(uploaded, uploaded, uploaded, deleted);
			ConsumerRecord<String, byte[]> parked = parked(Topics.MEDIA, uploaded.key(), 1).get(0);
			assertThat(text(parked.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
				.contains("thumbnail store unavailable");
			assertThat(text(parked.headers(), DeadLetters.REASON_HEADER))
				.isEqualTo("Failed on every retry: IllegalStateException: thumbnail store unavailable");
			assertThat(new EventDeserializer().deserialize(parked.topic(), parked.headers(), parked.value()))
				.isEqualTo(uploaded);
		}

		@Test
		void shouldParkAnEventItsListenerRefusesWithoutRetrying() throws Exception {
			long owner = newId();
			MediaUploaded uploaded = upload(owner, EventSupportTestApplication.REFUSED_SIZE);
			MediaDeleted deleted = new MediaDeleted(UUID.randomUUID(), Instant.now(), uploaded.mediaId(), owner);
			send(Topics.MEDIA, uploaded, deleted);

			await().atMost(TIMEOUT)
				.untilAsserted(
						() -> assertThat(EventListenersIntegrationTests.this.listeners.processed).contains(deleted));
			assertThat(attemptsOf(owner)).containsExactly(uploaded, deleted);
			ConsumerRecord<String, byte[]> parked = parked(Topics.MEDIA, uploaded.key(), 1).get(0);
			assertThat(text(parked.headers(), DeadLetters.REASON_HEADER))
				.isEqualTo("Refused without retry: IllegalArgumentException: an upload of 1002 bytes makes no sense");
		}

		@Test
		void shouldKeepRetryingAFailureThatMayPassUntilItDoesAndParkNothing() throws Exception {
			long owner = newId();
			MediaUploaded uploaded = upload(owner, EventSupportTestApplication.TRANSIENT_SIZE);
			MediaDeleted deleted = new MediaDeleted(UUID.randomUUID(), Instant.now(), uploaded.mediaId(), owner);
			send(Topics.MEDIA, uploaded, deleted);

			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(EventListenersIntegrationTests.this.listeners.processed)
					.containsSubsequence(uploaded, deleted));
			assertThat(attemptsOf(owner)).containsExactly(uploaded, uploaded, uploaded, deleted);
			assertThat(readAll(Topics.deadLetter(Topics.MEDIA, GROUP), uploaded.key())).isEmpty();
		}

	}

	private List<MurmurEvent> attemptsOf(long owner) {
		return this.listeners.attempts.stream().filter((event) -> event.key().equals(Long.toString(owner))).toList();
	}

	private static MediaUploaded upload(long owner, long size) {
		return new MediaUploaded(UUID.randomUUID(), Instant.now(), newId(), owner, "image/jpeg", size);
	}

	private void send(String topic, MurmurEvent... events) throws Exception {
		try (KafkaProducer<String, byte[]> raw = rawProducer()) {
			for (MurmurEvent event : events) {
				raw.send(event(topic, event.key(), event)).get();
			}
		}
	}

	private static ProducerRecord<String, byte[]> event(String topic, String key, MurmurEvent event) {
		byte[] value = new EventSerializer().serialize(topic, new RecordHeaders(), event);
		return new ProducerRecord<>(topic, 0, key, value, typeHeader(EventType.of(event).id()));
	}

	private KafkaProducer<String, byte[]> rawProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers),
				new StringSerializer(), new ByteArraySerializer());
	}

	private List<ConsumerRecord<String, byte[]>> parked(String topic, String key, int count) {
		List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			parked.clear();
			parked.addAll(readAll(Topics.deadLetter(topic, GROUP), key));
			assertThat(parked).hasSize(count);
		});
		return parked;
	}

	private List<ConsumerRecord<String, byte[]>> readAll(String topic, String key) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(
				TopicContents.recordsOf(this.bootstrapServers, topic, key));
		records.sort((a, b) -> Long.compare(offset(a.headers()), offset(b.headers())));
		return records;
	}

	private static long newId() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

	private static Headers typeHeader(String typeId) {
		return new RecordHeaders().add(EventType.HEADER, typeId.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static long offset(Headers headers) {
		Header header = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		assertThat(header).isNotNull();
		return ByteBuffer.wrap(header.value()).getLong();
	}

}
