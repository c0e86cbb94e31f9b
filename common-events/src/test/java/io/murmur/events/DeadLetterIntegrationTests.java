package io.murmur.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import io.murmur.events.media.MediaDeleted;
import io.murmur.events.media.MediaUploaded;
import io.murmur.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records on a real broker: a consumer wired the way Murmur's services consume
 * (Spring Kafka's {@code ErrorHandlingDeserializer} around {@link EventDeserializer}, one
 * {@code DefaultErrorHandler} with back-off and a dead-letter recoverer per group) parks
 * what it cannot read or process on {@link Topics#deadLetter(String, String)}, unchanged
 * and with the reason, and goes on with the partition.
 * <p>
 * For a record it cannot read, Spring Kafka names its own
 * {@link DeserializationException} in the {@code kafka_dlt-exception-fqcn} and
 * {@code -message} headers; the {@link EventDeserializationException} with its reason is
 * the cause, in the {@code kafka_dlt-exception-stacktrace} header.
 */
class DeadLetterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private String bootstrapServers = "";

	@BeforeEach
	void startKafka() {
		this.bootstrapServers = LocalStack.shared().kafka().bootstrapServers();
	}

	@AfterEach
	void stopConsumersAndProducers() throws Exception {
		for (AutoCloseable resource : this.resources.reversed()) {
			resource.close();
		}
	}

	@Test
	void shouldParkUnreadableRecordsWithTheirReasonAndKeepConsumingThePartition() throws Exception {
		String group = "feed-service";
		String deadLetters = Topics.deadLetter(Topics.POST, group);
		createTopics(Topics.POST, deadLetters);
		List<MurmurEvent> processed = new CopyOnWriteArrayList<>();
		consume(Topics.POST, group, (record) -> processed.add(record.value()));

		MurmurEvent first = SampleEvents.of(EventType.POST_CREATED);
		byte[] malformed = "{\"eventId\":\"3f0c8a4e-9b1d-4c2a-8e57-0000000000ff\",\"postId\":".getBytes();
		byte[] unknownType = sampleJson(EventType.POST_CREATED);
		MurmurEvent second = SampleEvents.of(EventType.POST_LIKED);
		String key = first.key();
		try (KafkaProducer<String, MurmurEvent> events = eventProducer();
				KafkaProducer<String, byte[]> raw = rawProducer()) {
			events.send(new ProducerRecord<>(Topics.POST, 0, key, first)).get();
			raw.send(new ProducerRecord<>(Topics.POST, 0, key, malformed, typeHeader("post.created.v1"))).get();
			raw.send(new ProducerRecord<>(Topics.POST, 0, key, unknownType, typeHeader("post.exploded.v1"))).get();
			events.send(new ProducerRecord<>(Topics.POST, 0, key, second)).get();
		}

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processed).containsExactly(first, second));
		List<ConsumerRecord<String, byte[]>> parked = readAll(deadLetters, 2);
		assertThat(parked).extracting(ConsumerRecord::value).containsExactly(malformed, unknownType);
		assertThat(parked).extracting(ConsumerRecord::key).containsOnly(key);
		assertThat(parked.get(0)).satisfies((record) -> {
			assertThat(text(record.headers(), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
				.contains(EventDeserializationException.class.getName() + ": [MALFORMED_JSON]")
				.contains("post.created.v1");
			assertThat(text(record.headers(), EventType.HEADER)).isEqualTo("post.created.v1");
			assertThat(offset(record.headers())).isEqualTo(1);
		});
		assertThat(parked.get(1)).satisfies((record) -> {
			assertThat(text(record.headers(), KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
				.contains(EventDeserializationException.class.getName() + ": [UNKNOWN_TYPE]")
				.contains("post.exploded.v1");
			assertThat(text(record.headers(), EventType.HEADER)).isEqualTo("post.exploded.v1");
			assertThat(offset(record.headers())).isEqualTo(2);
		});
		assertThat(parked).allSatisfy((record) -> {
			assertThat(text(record.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
				.isEqualTo(DeserializationException.class.getName());
			assertThat(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.POST);
			assertThat(text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(group);
		});
	}

	@Test
	void shouldRetryAnEventItsListenerFailsOnThenParkItReadably() throws Exception {
		String group = "search-service";
		String deadLetters = Topics.deadLetter(Topics.MEDIA, group);
		createTopics(Topics.MEDIA, deadLetters);
		List<MurmurEvent> attempts = new CopyOnWriteArrayList<>();
		List<MurmurEvent> processed = new CopyOnWriteArrayList<>();
		consume(Topics.MEDIA, group, (record) -> {
			attempts.add(record.value());
			if (record.value() instanceof MediaUploaded) {
				throw new IllegalStateException("thumbnail store unavailable");
			}
			processed.add(record.value());
		});

		MediaUploaded uploaded = (MediaUploaded) SampleEvents.of(EventType.MEDIA_UPLOADED);
		MediaDeleted deleted = (MediaDeleted) SampleEvents.of(EventType.MEDIA_DELETED);
		try (KafkaProducer<String, MurmurEvent> events = eventProducer()) {
			events.send(new ProducerRecord<>(Topics.MEDIA, 0, uploaded.key(), uploaded)).get();
			events.send(new ProducerRecord<>(Topics.MEDIA, 0, deleted.key(), deleted)).get();
		}

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processed).containsExactly(deleted));
		assertThat(attempts).containsExactly(uploaded, uploaded, uploaded, deleted);
		ConsumerRecord<String, byte[]> parked = readAll(deadLetters, 1).get(0);
		assertThat(text(parked.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("thumbnail store unavailable");
		assertThat(new EventDeserializer().deserialize(deadLetters, parked.headers(), parked.value()))
			.isEqualTo(uploaded);
	}

	private void consume(String topic, String group, MessageListener<String, MurmurEvent> listener) {
		DefaultKafkaConsumerFactory<String, MurmurEvent> consumers = new DefaultKafkaConsumerFactory<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
						ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, EventDeserializer.class.getName()));
		Map<Class<?>, Serializer<?>> byType = Map.of(byte[].class, new ByteArraySerializer(), MurmurEvent.class,
				new EventSerializer());
		DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringSerializer(),
				new DelegatingByTypeSerializer(byType, true));
		this.resources.add(producers::destroy);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
		ContainerProperties properties = new ContainerProperties(topic);
		properties.setMessageListener(listener);
		KafkaMessageListenerContainer<String, MurmurEvent> container = new KafkaMessageListenerContainer<>(consumers,
				properties);
		container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(100, 2)));
		container.start();
		this.resources.add(container::stop);
	}

	private void createTopics(String... names) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			List<NewTopic> topics = new ArrayList<>();
			for (String name : names) {
				topics.add(new NewTopic(name, 1, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
	}

	private KafkaProducer<String, MurmurEvent> eventProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class.getName()));
	}

	private KafkaProducer<String, byte[]> rawProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers),
				new StringSerializer(), new ByteArraySerializer());
	}

	private List<ConsumerRecord<String, byte[]>> readAll(String topic, int count) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			await().atMost(TIMEOUT).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				assertThat(records).hasSize(count);
			});
		}
		return records;
	}

	private Headers typeHeader(String typeId) {
		return new RecordHeaders().add(EventType.HEADER, typeId.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] sampleJson(EventType type) {
		return EventJson.write(SampleEvents.of(type));
	}

	private String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private long offset(Headers headers) {
		Header header = headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		assertThat(header).isNotNull();
		return ByteBuffer.wrap(header.value()).getLong();
	}

}
