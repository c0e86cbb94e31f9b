package io.murmur.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.murmur.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads what is on a topic of the test broker, from the beginning of every partition.
 */
public final class KafkaRecords {

	private KafkaRecords() {
	}

	/**
	 * Waits until the topic holds {@code count} records that match, and returns them in
	 * the order of their partition.
	 * @param topic the topic
	 * @param matching which records count
	 * @param count how many to wait for
	 * @return the matching records
	 */
	public static List<ConsumerRecord<String, byte[]>> read(String topic,
			Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
				if (!consumer.assignment().containsAll(partitions)) {
					consumer.assign(partitions);
					consumer.seekToBeginning(partitions);
				}
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (matching.test(record)) {
						records.add(record);
					}
				});
				assertThat(records).hasSizeGreaterThanOrEqualTo(count);
			});
		}
		return records;
	}

}
