package io.murmur.localstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaServerIntegrationTests {

	@Test
	void shouldDeliverProducedRecordsToAConsumerGroupInOrder() throws Exception {
		KafkaServer kafka = LocalStack.shared().kafka();
		String topic = "posts-" + UUID.randomUUID();
		try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
			for (String value : List.of("post-1", "post-2", "post-3")) {
				producer.send(new ProducerRecord<>(topic, "author-1", value)).get(30, TimeUnit.SECONDS);
			}
		}
		assertThat(consumeAll(kafka, topic, 3)).containsExactly("post-1", "post-2", "post-3");
		assertThat(kafka.isHealthy()).isTrue();
		assertThat(kafka.springProperties()).containsEntry("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
	}

	@Test
	void shouldKeepRecordsAndDeliverPendingSendsAcrossAStopAndRestart() throws Exception {
		KafkaServer kafka = LocalStack.shared().kafka();
		String topic = "outage-" + UUID.randomUUID();
		long pidBefore = kafka.pid();
		try (KafkaProducer<String, String> producer = producer(kafka,
				Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
						5_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000))) {
			producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
			kafka.stop();
			assertThat(kafka.isHealthy()).isFalse();
			assertThat(kafka.isRunning()).isFalse();
			assertThat(StoreOutage.accepts(kafka.port())).isFalse();
			AtomicBoolean sending = new AtomicBoolean();
			CompletableFuture<RecordMetadata> pending = CompletableFuture.supplyAsync(() -> {
				sending.set(true);
				return sendAndWait(producer, new ProducerRecord<>(topic, "k", "during"));
			});
			await().untilTrue(sending);
			assertThat(pending).isNotDone();
			kafka.restart();
			assertThat(kafka.isHealthy()).isTrue();
			assertThat(kafka.pid()).isNotEqualTo(pidBefore);
			assertThat(StoreOutage.accepts(kafka.port())).isTrue();
			assertThat(pending.get(60, TimeUnit.SECONDS).offset()).isEqualTo(1);
			producer.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS);
		}
		finally {
			if (!kafka.isHealthy()) {
				kafka.restart();
			}
		}
		assertThat(consumeAll(kafka, topic, 3)).containsExactly("before", "during", "after");
	}

	private static RecordMetadata sendAndWait(KafkaProducer<String, String> producer,
			ProducerRecord<String, String> record) {
		try {
			return producer.send(record).get(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send " + record, ex);
		}
	}

	private static KafkaProducer<String, String> producer(KafkaServer kafka, Map<String, Object> overrides) {
		Map<String, Object> config = new HashMap<>(overrides);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static List<String> consumeAll(KafkaServer kafka, String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				return values.size() >= expected;
			});
		}
		return values;
	}

}
