package io.murmur.support.events.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a topic holds now, read from the start of every partition to its end, without a
 * consumer group.
 */
public final class TopicContents {

	private TopicContents() {
	}

	/**
	 * The records of one key, in the order of each partition.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param key the record key
	 * @return the records
	 */
	public static List<ConsumerRecord<String, byte[]>> recordsOf(String bootstrapServers, String topic, String key) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						records.add(record);
					}
				});
			}
		}
		return records;
	}

}
